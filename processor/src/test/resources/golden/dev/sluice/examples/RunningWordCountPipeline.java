package dev.sluice.examples;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.GroupShuffle;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.KeyGroups;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PairBuffer;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.UpdateStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Pipeline {@link RunningWordCount}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code lines -> words -> pairs}, {@code totals -> print}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class RunningWordCountPipeline {
  private RunningWordCountPipeline() {
  }

  /**
   * A new builder of pipeline {@code RunningWordCount}, with a default batch interval of 2000 ms.
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
   * Binds the inputs and outputs of pipeline {@code RunningWordCount}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "RunningWordCount",
          Duration.ofMillis(2000),
          List.of(new PipelineBuilder.Port("lines", "String", true)),
          List.of(new PipelineBuilder.Port("print", "KV<String, Long>", false)));
    }

    /**
     * Binds input {@code lines}, replacing the default from {@code RunningWordCount.lines()}.
     */
    public Builder lines(Source<String> source) {
      return bindInput("lines", source);
    }

    /**
     * Binds output {@code print}, replacing the default from {@code RunningWordCount.print()}.
     */
    public Builder print(Sink<? super KV<String, Long>> sink) {
      return bindOutput("print", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> lines = boundInput("lines");
      Sink<? super KV<String, Long>> print = boundOutput("print");
      // Only the defaults need an instance of RunningWordCount.
      RunningWordCount pipeline = lines == null || print == null ? new RunningWordCount() : null;
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
   * Runs the segments of pipeline {@code RunningWordCount} and owns the shuffle buffers between
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
    private final GroupShuffle<String, Long, Object> totalsShuffle;

    private final List<UpdateStateStore<String, Long, Long>> totalsState;

    Program(Source<String> lines, Sink<? super KV<String, Long>> print, int parallelism) {
      super(
          "RunningWordCount",
          List.of(new InputSlot("lines", lines)),
          List.of(
              new SegmentSlot("lines -> words -> pairs", parallelism),
              new SegmentSlot("totals -> print", parallelism)),
          List.of(new OutputSlot("print", print, parallelism)));
      this.totalsShuffle = new GroupShuffle<>(parallelism, 0, parallelism);
      this.totalsState = new ArrayList<>();
      for (int task = 0, tasks = parallelism; task < tasks; task++) {
        this.totalsState.add(new UpdateStateStore<>(16));
      }
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> lines_words_pairs(context.input(0, partition), totalsShuffle.left(partition));
        case 1 -> totals_print(totalsShuffle.group(partition), totalsState.get(partition),
            context.batchIndex(), context.output(0, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code lines -> words -> pairs}, combining into the map side of totals.
     *
     * <p>Calls {@link RunningWordCount#words}, {@link RunningWordCount#pairs}.
     */
    private void lines_words_pairs(List<String> lines, PairBuffer<String, Long>[] totals) {
      Emitter<String> words = word -> {
        // pairs: RunningWordCount.pairs(String)
        KV<String, Long> pairs;
        try {
          pairs = RunningWordCount.pairs(word);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "pairs", word);
        }
        // totals, map side: appends the value to its key's buffer, for the reduce side of totals
        try {
          String key = pairs.key();
          totals[Partitioner.partition(key, totals.length)].add(key, pairs.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "totals", pairs);
        }
      };
      for (int i = 0, n = lines.size(); i < n; i++) {
        String line = lines.get(i);
        // words: RunningWordCount.words(String, Emitter<String>)
        try {
          RunningWordCount.words(line, words);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "words", line);
        }
      }
    }

    /**
     * Segment 1: {@code totals -> print}, reading the reduce side of totals.
     *
     * <p>Calls {@link RunningWordCount#totals}.
     */
    private void totals_print(KeyGroups<String, Long, Object> groups,
        UpdateStateStore<String, Long, Long> state, long batchIndex, List<KV<String, Long>> print) {
      state.open(batchIndex);
      for (int i = 0, n = groups.size(); i < n; i++) {
        String key = groups.key(i);
        List<Long> values = groups.left(i);
        for (int v = 0; v < values.size(); v++) {
          state.add(key, values.get(v));
        }
      }
      // totals: RunningWordCount.totals(List<Long>, Optional<Long>) for every key with state or new
      // values
      ObjectValueMap<String, Long> updated = state.update(this::totalsUpdate);
      for (int entry = 0, entries = updated.size(); entry < entries; entry++) {
        KV<String, Long> totals = KV.of(updated.key(entry), updated.get(entry));
        // print: output, default sink RunningWordCount.print()
        print.add(totals);
      }
    }

    /**
     * The new state of one key of {@code totals}: {@code RunningWordCount.totals(List<Long>,
     * Optional<Long>)}.
     */
    private Optional<Long> totalsUpdate(List<Long> values, Optional<Long> previous) {
      Optional<Long> next;
      try {
        next = RunningWordCount.totals(values, previous);
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "totals", values);
      }
      return next;
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of(StageState.keyed("totals", "updateStateByKey String -> Long", totalsState,
          Codecs.string(), Codecs.longs()));
    }
  }
}
