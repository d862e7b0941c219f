package dev.sluice.examples;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.StageState;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Pipeline {@link WordCount}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code lines -> words -> pairs}, {@code counts -> print}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class WordCountPipeline {
  private WordCountPipeline() {
  }

  /**
   * A new builder of pipeline {@code WordCount}, with a default batch interval of 2000 ms.
   *
   * <ul>
   *   <li>input {@code lines}: {@code String}
   *   <li>output {@code print}: {@code KV<String, Long>}
   * </ul>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the inputs and outputs of pipeline {@code WordCount}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "WordCount",
          Duration.ofMillis(2000),
          List.of(new PipelineBuilder.Port("lines", "String", true)),
          List.of(new PipelineBuilder.Port("print", "KV<String, Long>", false)));
    }

    /**
     * Binds input {@code lines}, replacing the default from {@code WordCount.lines()}.
     */
    public Builder lines(Source<String> source) {
      return bindInput("lines", source);
    }

    /**
     * Binds output {@code print}, replacing the default from {@code WordCount.print()}.
     */
    public Builder print(Sink<? super KV<String, Long>> sink) {
      return bindOutput("print", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> lines = boundInput("lines");
      Sink<? super KV<String, Long>> print = boundOutput("print");
      // Only the defaults need an instance of WordCount.
      WordCount pipeline = lines == null || print == null ? new WordCount() : null;
      if (lines == null) {
        lines = pipeline.lines();
      }
      if (print == null) {
        print = pipeline.print();
      }
      return new Program(lines, print, parallelism);
    }
  }

  /**
   * Runs the segments of pipeline {@code WordCount} and owns the shuffle buffers between them.
   *
   * <p><b>Threads:</b> the engine's workers call {@link #runTask}, concurrently for the
   * partitions of one segment. Task {@code (segment, p)} writes only row {@code p} of the
   * shuffles its segment combines into, column {@code p} of the shuffle it reads, and
   * partition {@code p} of its outputs. <b>Visibility:</b> the engine's queues order every
   * task of a segment before the next segment, and batches one after another.
   * <b>Allocation:</b> the buffers are allocated here once and reused every batch; per record,
   * only user methods allocate, and a reduce boxes its output {@code KV}.
   */
  private static final class Program extends PipelineProgram {
    private final LongValueMap<String>[][] countsShuffle;

    Program(Source<String> lines, Sink<? super KV<String, Long>> print, int parallelism) {
      super(
          "WordCount",
          List.of(new InputSlot("lines", lines)),
          List.of(
              new SegmentSlot("lines -> words -> pairs", parallelism),
              new SegmentSlot("counts -> print", parallelism)),
          List.of(new OutputSlot("print", print, parallelism)));
      this.countsShuffle = newCountsShuffle(parallelism, parallelism);
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> lines_words_pairs(context.input(0, partition), countsShuffle[partition]);
        case 1 -> counts_print(mergeCounts(partition), context.output(0, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code lines -> words -> pairs}, combining into the map side of counts.
     *
     * <p>Calls {@link WordCount#words}, {@link WordCount#pairs}, {@link WordCount#counts}.
     */
    private void lines_words_pairs(List<String> lines, LongValueMap<String>[] counts) {
      Emitter<String> words = word -> {
        // pairs: WordCount.pairs(String)
        KV<String, Long> pairs;
        try {
          pairs = WordCount.pairs(word);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "pairs", word);
        }
        // counts, map side: reduces the value into its key's entry with WordCount.counts(long,
        // long)
        try {
          String key = pairs.key();
          combineCounts(counts[Partitioner.partition(key, counts.length)], key, pairs.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "counts", pairs);
        }
      };
      for (int i = 0, n = lines.size(); i < n; i++) {
        String line = lines.get(i);
        // words: WordCount.words(String, Emitter<String>)
        try {
          WordCount.words(line, words);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "words", line);
        }
      }
    }

    /**
     * Segment 1: {@code counts -> print}, reading the reduce side of counts.
     *
     * <p>Calls {@link WordCount#counts}.
     */
    private void counts_print(LongValueMap<String> merged, List<KV<String, Long>> print) {
      for (int i = 0, n = merged.size(); i < n; i++) {
        // counts: reduced with WordCount.counts(long, long)
        KV<String, Long> counts = KV.of(merged.key(i), merged.get(i));
        // print: output, default sink WordCount.print()
        print.add(counts);
      }
      merged.clear();
    }

    /**
     * Allocates the buffers of the shuffle into {@code counts}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<String>[][] newCountsShuffle(int writers, int readers) {
      // Java has no generic array creation: the cast is safe because every element
      // is set to a new LongValueMap<String> below.
      LongValueMap<String>[][] buffers =
          (LongValueMap<String>[][]) new LongValueMap<?>[writers][readers];
      for (int writer = 0; writer < writers; writer++) {
        for (int reader = 0; reader < readers; reader++) {
          buffers[writer][reader] = new LongValueMap<>(16);
        }
      }
      return buffers;
    }

    /**
     * Combines {@code value} into the entry of {@code key} with one hash lookup,
     * calling {@code WordCount.counts(long, long)} if the key is there already.
     */
    private static void combineCounts(LongValueMap<String> buffer, String key, long value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        long reduced;
        try {
          reduced = WordCount.counts(buffer.get(entry), value);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "counts", key);
        }
        buffer.set(entry, reduced);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code counts} into its first buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<String> mergeCounts(int partition) {
      LongValueMap<String> merged = countsShuffle[0][partition];
      for (int writer = 1; writer < countsShuffle.length; writer++) {
        LongValueMap<String> part = countsShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          combineCounts(merged, part.key(entry), part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of();
    }
  }
}
