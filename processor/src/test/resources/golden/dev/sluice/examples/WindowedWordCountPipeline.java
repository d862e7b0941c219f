package dev.sluice.examples;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.window.LongWindowSlots;
import dev.sluice.runtime.internal.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Pipeline {@link WindowedWordCount}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code lines -> words -> pairs}, {@code windowCounts -> print}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class WindowedWordCountPipeline {
  private WindowedWordCountPipeline() {
  }

  /**
   * A new builder of pipeline {@code WindowedWordCount}, with a default batch interval of 5000 ms.
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
   * Binds the inputs and outputs of pipeline {@code WindowedWordCount}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "WindowedWordCount",
          Duration.ofMillis(5000),
          List.of(new PipelineBuilder.Port("lines", "String", true)),
          List.of(new PipelineBuilder.Port("print", "KV<String, Long>", false)));
    }

    /**
     * Binds input {@code lines}, replacing the default from {@code WindowedWordCount.lines()}.
     */
    public Builder lines(Source<String> source) {
      return bindInput("lines", source);
    }

    /**
     * Binds output {@code print}, replacing the default from {@code WindowedWordCount.print()}.
     */
    public Builder print(Sink<? super KV<String, Long>> sink) {
      return bindOutput("print", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> lines = boundInput("lines");
      Sink<? super KV<String, Long>> print = boundOutput("print");
      // Only the defaults need an instance of WindowedWordCount.
      WindowedWordCount pipeline = lines == null || print == null ? new WindowedWordCount() : null;
      if (lines == null) {
        lines = pipeline.lines();
      }
      if (print == null) {
        print = pipeline.print();
      }
      long interval = batchInterval().toMillis();
      WindowSpec windowCountsSpec = WindowSpec.of("WindowedWordCount", "windowCounts", 30000L,
          10000L, interval);
      return new Program(lines, print, parallelism, windowCountsSpec);
    }
  }

  /**
   * Runs the segments of pipeline {@code WindowedWordCount} and owns the shuffle buffers between
   * them.
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
    private final LongValueMap<String>[][] windowCountsShuffle;

    private final WindowSpec windowCountsSpec;

    private final List<LongWindowSlots<String>> windowCountsWindow;

    Program(Source<String> lines, Sink<? super KV<String, Long>> print, int parallelism,
        WindowSpec windowCountsSpec) {
      super(
          "WindowedWordCount",
          List.of(new InputSlot("lines", lines)),
          List.of(
              new SegmentSlot("lines -> words -> pairs", parallelism),
              new SegmentSlot("windowCounts -> print", parallelism)),
          List.of(new OutputSlot("print", print, parallelism, windowCountsSpec.slide())));
      this.windowCountsShuffle = newWindowCountsShuffle(parallelism, parallelism);
      this.windowCountsSpec = windowCountsSpec;
      this.windowCountsWindow = new ArrayList<>();
      for (int task = 0, tasks = parallelism; task < tasks; task++) {
        this.windowCountsWindow.add(new LongWindowSlots<>(windowCountsSpec, 16));
      }
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> lines_words_pairs(context.input(0, partition), windowCountsShuffle[partition]);
        case 1 -> windowCounts_print(mergeWindowCounts(partition),
            windowCountsWindow.get(partition), context.batchIndex(), context.output(0, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code lines -> words -> pairs}, combining into the map side of windowCounts.
     *
     * <p>Calls {@link WindowedWordCount#words}, {@link WindowedWordCount#pairs}, {@link
     * WindowedWordCount#windowCounts}.
     */
    private void lines_words_pairs(List<String> lines, LongValueMap<String>[] windowCounts) {
      Emitter<String> words = word -> {
        // pairs: WindowedWordCount.pairs(String)
        KV<String, Long> pairs;
        try {
          pairs = WindowedWordCount.pairs(word);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "pairs", word);
        }
        // windowCounts, map side: reduces the value into its key's entry with
        // WindowedWordCount.windowCounts(long, long)
        try {
          String key = pairs.key();
          combineWindowCounts(windowCounts[Partitioner.partition(key, windowCounts.length)], key,
              pairs.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "windowCounts", pairs);
        }
      };
      for (int i = 0, n = lines.size(); i < n; i++) {
        String line = lines.get(i);
        // words: WindowedWordCount.words(String, Emitter<String>)
        try {
          WindowedWordCount.words(line, words);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "words", line);
        }
      }
    }

    /**
     * Segment 1: {@code windowCounts -> print}, reading the reduce side of windowCounts.
     *
     * <p>Calls {@link WindowedWordCount#windowCounts}.
     */
    private void windowCounts_print(LongValueMap<String> merged, LongWindowSlots<String> window,
        long batchIndex, List<KV<String, Long>> print) {
      // windowCounts: this batch's values, reduced per key into the window
      LongValueMap<String> slot = window.batch(batchIndex);
      for (int entry = 0, entries = merged.size(); entry < entries; entry++) {
        combineWindowCounts(slot, merged.key(entry), merged.get(entry));
      }
      merged.clear();
      if (windowCountsSpec.emitsAt(batchIndex)) {
        LongValueMap<String> windowed = window.reduceWindow(batchIndex, this::windowCountsReduce);
        for (int i = 0, n = windowed.size(); i < n; i++) {
          KV<String, Long> windowCounts = KV.of(windowed.key(i), windowed.get(i));
          // print: output, default sink WindowedWordCount.print()
          print.add(windowCounts);
        }
      }
    }

    /**
     * Allocates the buffers of the shuffle into {@code windowCounts}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<String>[][] newWindowCountsShuffle(int writers, int readers) {
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
     * calling {@code WindowedWordCount.windowCounts(long, long)} if the key is there already.
     */
    private static void combineWindowCounts(LongValueMap<String> buffer, String key, long value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        long reduced;
        try {
          reduced = WindowedWordCount.windowCounts(buffer.get(entry), value);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "windowCounts", key);
        }
        buffer.set(entry, reduced);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code windowCounts} into its first
     * buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<String> mergeWindowCounts(int partition) {
      LongValueMap<String> merged = windowCountsShuffle[0][partition];
      for (int writer = 1; writer < windowCountsShuffle.length; writer++) {
        LongValueMap<String> part = windowCountsShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          combineWindowCounts(merged, part.key(entry), part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    /**
     * Reduces two values of the window of {@code windowCounts} with {@code
     * WindowedWordCount.windowCounts(long, long)}.
     */
    private long windowCountsReduce(long a, long b) {
      long result;
      try {
        result = WindowedWordCount.windowCounts(a, b);
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "windowCounts", b);
      }
      return result;
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of(StageState.keyed("windowCounts",
          "reduceByKeyAndWindow String -> long, window 30s sliding 10s", windowCountsWindow,
          Codecs.string(), Codecs.longs()));
    }
  }
}
