package dev.sluice.examples.semantics;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.RecordExchange;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.ValueEmitter;
import dev.sluice.runtime.internal.snapshot.StageState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Pipeline {@link NarrowOps}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code left -> [upper, reversed, pairs -> [lengths ->
 * lengthsOut, countdown -> countdownOut]]}, {@code right}, {@code union(left, right) -> both ->
 * unionOut}, {@code union(upper, reversed) -> mixed -> mixedOut}, {@code tagged -> taggedOut},
 * {@code counted -> countedOut}, {@code knownWords -> knownOut}, {@code spread -> spreadOut}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class NarrowOpsPipeline {
  private NarrowOpsPipeline() {
  }

  /**
   * A new builder of pipeline {@code NarrowOps}, with a default batch interval of 1000 ms.
   *
   * <ul>
   *   <li>input {@code left}: {@code String}
   *   <li>input {@code right}: {@code String}
   *   <li>output {@code unionOut}: {@code String}
   *   <li>output {@code mixedOut}: {@code String}
   *   <li>output {@code lengthsOut}: {@code KV<String, String>}
   *   <li>output {@code countdownOut}: {@code KV<String, Integer>}
   *   <li>output {@code taggedOut}: {@code String}
   *   <li>output {@code countedOut}: {@code Integer}
   *   <li>output {@code knownOut}: {@code String}
   *   <li>output {@code spreadOut}: {@code String}
   * </ul>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the inputs and outputs of pipeline {@code NarrowOps}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "NarrowOps",
          Duration.ofMillis(1000),
          List.of(
              new PipelineBuilder.Port("left", "String", true),
              new PipelineBuilder.Port("right", "String", true)),
          List.of(
              new PipelineBuilder.Port("unionOut", "String", true),
              new PipelineBuilder.Port("mixedOut", "String", true),
              new PipelineBuilder.Port("lengthsOut", "KV<String, String>", false),
              new PipelineBuilder.Port("countdownOut", "KV<String, Integer>", false),
              new PipelineBuilder.Port("taggedOut", "String", true),
              new PipelineBuilder.Port("countedOut", "Integer", false),
              new PipelineBuilder.Port("knownOut", "String", true),
              new PipelineBuilder.Port("spreadOut", "String", true)));
    }

    /**
     * Binds input {@code left}, replacing the default from {@code NarrowOps.left()}.
     */
    public Builder left(Source<String> source) {
      return bindInput("left", source);
    }

    /**
     * Binds input {@code right}, replacing the default from {@code NarrowOps.right()}.
     */
    public Builder right(Source<String> source) {
      return bindInput("right", source);
    }

    /**
     * Binds output {@code unionOut}, replacing the default from {@code NarrowOps.unionOut()}.
     */
    public Builder unionOut(Sink<? super String> sink) {
      return bindOutput("unionOut", sink);
    }

    /**
     * Binds output {@code mixedOut}, replacing the default from {@code NarrowOps.mixedOut()}.
     */
    public Builder mixedOut(Sink<? super String> sink) {
      return bindOutput("mixedOut", sink);
    }

    /**
     * Binds output {@code lengthsOut}, replacing the default from {@code NarrowOps.lengthsOut()}.
     */
    public Builder lengthsOut(Sink<? super KV<String, String>> sink) {
      return bindOutput("lengthsOut", sink);
    }

    /**
     * Binds output {@code countdownOut}, replacing the default from {@code
     * NarrowOps.countdownOut()}.
     */
    public Builder countdownOut(Sink<? super KV<String, Integer>> sink) {
      return bindOutput("countdownOut", sink);
    }

    /**
     * Binds output {@code taggedOut}, replacing the default from {@code NarrowOps.taggedOut()}.
     */
    public Builder taggedOut(Sink<? super String> sink) {
      return bindOutput("taggedOut", sink);
    }

    /**
     * Binds output {@code countedOut}, replacing the default from {@code NarrowOps.countedOut()}.
     */
    public Builder countedOut(Sink<? super Integer> sink) {
      return bindOutput("countedOut", sink);
    }

    /**
     * Binds output {@code knownOut}, replacing the default from {@code NarrowOps.knownOut()}.
     */
    public Builder knownOut(Sink<? super String> sink) {
      return bindOutput("knownOut", sink);
    }

    /**
     * Binds output {@code spreadOut}, replacing the default from {@code NarrowOps.spreadOut()}.
     */
    public Builder spreadOut(Sink<? super String> sink) {
      return bindOutput("spreadOut", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> left = boundInput("left");
      Source<String> right = boundInput("right");
      Sink<? super String> unionOut = boundOutput("unionOut");
      Sink<? super String> mixedOut = boundOutput("mixedOut");
      Sink<? super KV<String, String>> lengthsOut = boundOutput("lengthsOut");
      Sink<? super KV<String, Integer>> countdownOut = boundOutput("countdownOut");
      Sink<? super String> taggedOut = boundOutput("taggedOut");
      Sink<? super Integer> countedOut = boundOutput("countedOut");
      Sink<? super String> knownOut = boundOutput("knownOut");
      Sink<? super String> spreadOut = boundOutput("spreadOut");
      NarrowOps pipeline = new NarrowOps();
      if (left == null) {
        left = pipeline.left();
      }
      if (right == null) {
        right = pipeline.right();
      }
      if (unionOut == null) {
        unionOut = pipeline.unionOut();
      }
      if (mixedOut == null) {
        mixedOut = pipeline.mixedOut();
      }
      if (lengthsOut == null) {
        lengthsOut = pipeline.lengthsOut();
      }
      if (countdownOut == null) {
        countdownOut = pipeline.countdownOut();
      }
      if (taggedOut == null) {
        taggedOut = pipeline.taggedOut();
      }
      if (countedOut == null) {
        countedOut = pipeline.countedOut();
      }
      if (knownOut == null) {
        knownOut = pipeline.knownOut();
      }
      if (spreadOut == null) {
        spreadOut = pipeline.spreadOut();
      }
      return new Program(pipeline, left, right, unionOut, mixedOut, lengthsOut, countdownOut,
          taggedOut, countedOut, knownOut, spreadOut, parallelism);
    }
  }

  /**
   * Runs the segments of pipeline {@code NarrowOps} and owns the shuffle buffers between them.
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
    private final NarrowOps pipeline;

    private final int parallelism;

    private final RecordExchange<String> spreadShuffle;

    private final RecordExchange<String> upperPartitions;

    private final RecordExchange<String> reversedPartitions;

    Program(NarrowOps pipeline, Source<String> left, Source<String> right,
        Sink<? super String> unionOut, Sink<? super String> mixedOut,
        Sink<? super KV<String, String>> lengthsOut, Sink<? super KV<String, Integer>> countdownOut,
        Sink<? super String> taggedOut, Sink<? super Integer> countedOut,
        Sink<? super String> knownOut, Sink<? super String> spreadOut, int parallelism) {
      super(
          "NarrowOps",
          List.of(
              new InputSlot("left", left),
              new InputSlot("right", right)),
          List.of(
              new SegmentSlot("left -> [upper, reversed, pairs -> [lengths -> lengthsOut, countdown -> countdownOut]]",
                  parallelism),
              new SegmentSlot("right", parallelism),
              new SegmentSlot("union(left, right) -> both -> unionOut", 2 * parallelism),
              new SegmentSlot("union(upper, reversed) -> mixed -> mixedOut", 2 * parallelism),
              new SegmentSlot("tagged -> taggedOut", parallelism),
              new SegmentSlot("counted -> countedOut", parallelism),
              new SegmentSlot("knownWords -> knownOut", 1),
              new SegmentSlot("spread -> spreadOut", 3)),
          List.of(
              new OutputSlot("unionOut", unionOut, 2 * parallelism),
              new OutputSlot("mixedOut", mixedOut, 2 * parallelism),
              new OutputSlot("lengthsOut", lengthsOut, parallelism),
              new OutputSlot("countdownOut", countdownOut, parallelism),
              new OutputSlot("taggedOut", taggedOut, parallelism),
              new OutputSlot("countedOut", countedOut, parallelism),
              new OutputSlot("knownOut", knownOut, 1),
              new OutputSlot("spreadOut", spreadOut, 3)));
      this.pipeline = pipeline;
      this.parallelism = parallelism;
      this.spreadShuffle = new RecordExchange<>(parallelism, 3);
      this.upperPartitions = new RecordExchange<>(parallelism, 1);
      this.reversedPartitions = new RecordExchange<>(parallelism, 1);
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> left_upper_reversed_pairs_lengths_lengthsOut_countdown_countdownOut(context.input(0, partition),
            upperPartitions.row(partition), reversedPartitions.row(partition),
            context.output(2, partition), context.output(3, partition));
        case 1 -> right(context.input(1, partition), spreadShuffle.row(partition));
        case 2 -> unionLeftRight_both_unionOut(partOfUnionLeftRight(partition, context),
            context.output(0, partition));
        case 3 -> unionUpperReversed_mixed_mixedOut(partOfUnionUpperReversed(partition, context),
            context.output(1, partition));
        case 4 -> tagged_taggedOut(context.input(1, partition), context.output(4, partition));
        case 5 -> counted_countedOut(upperPartitions.list(partition, 0),
            context.output(5, partition));
        case 6 -> knownWords_knownOut(batchOfKnownWords(context), context.batchTime(),
            context.output(6, partition));
        case 7 -> spread_spreadOut(spreadShuffle, partition, context.output(7, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code left -> [upper, reversed, pairs -> [lengths -> lengthsOut, countdown ->
     * countdownOut]]}, keeping the partitions of upper and reversed.
     *
     * <p>Calls {@link NarrowOps#upper}, {@link NarrowOps#reversed}, {@link NarrowOps#pairs}, {@link
     * NarrowOps#lengths}, {@link NarrowOps#countdown}.
     */
    private void left_upper_reversed_pairs_lengths_lengthsOut_countdown_countdownOut(
        List<String> left, RecordExchange.Row<String> upperKept,
        RecordExchange.Row<String> reversedKept, List<KV<String, String>> lengthsOut,
        List<KV<String, Integer>> countdownOut) {
      upperKept.clear();
      reversedKept.clear();
      ValueEmitter<String, Integer> countdown = new ValueEmitter<>(countdownRecord -> {
        // countdownOut: output, default sink NarrowOps.countdownOut()
        countdownOut.add(countdownRecord);
      });
      for (int i = 0, n = left.size(); i < n; i++) {
        String leftRecord = left.get(i);
        // upper: NarrowOps.upper(String)
        String upper;
        try {
          upper = NarrowOps.upper(leftRecord);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "upper", leftRecord);
        }
        // kept for the segments reading upper's partitions
        upperKept.add(upper);
        // reversed: NarrowOps.reversed(String)
        String reversed;
        try {
          reversed = NarrowOps.reversed(leftRecord);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "reversed", leftRecord);
        }
        // kept for the segments reading reversed's partitions
        reversedKept.add(reversed);
        // pairs: NarrowOps.pairs(String)
        KV<String, Integer> pairs;
        try {
          pairs = NarrowOps.pairs(leftRecord);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "pairs", leftRecord);
        }
        // lengths: NarrowOps.lengths(int)
        KV<String, String> lengths;
        try {
          lengths = KV.of(pairs.key(), NarrowOps.lengths(pairs.value()));
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "lengths", pairs);
        }
        // lengthsOut: output, default sink NarrowOps.lengthsOut()
        lengthsOut.add(lengths);
        // countdown: NarrowOps.countdown(Integer, Emitter<Integer>)
        countdown.key(pairs.key());
        try {
          NarrowOps.countdown(pairs.value(), countdown);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "countdown", pairs);
        }
      }
    }

    /**
     * Segment 1: {@code right}, combining into the map side of spread.
     *
     * <p>Calls {@link NarrowOps#spread}.
     */
    private void right(List<String> right, RecordExchange.Row<String> spread) {
      spread.clear();
      for (int i = 0, n = right.size(); i < n; i++) {
        String rightRecord = right.get(i);
        // spread, dealt round robin: NarrowOps.spread(String)
        String spread_;
        try {
          spread_ = NarrowOps.spread(rightRecord);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "spread", rightRecord);
        }
        spread.deal(spread_);
      }
    }

    /**
     * The records of task {@code partition} of {@code union(left, right)}: the partitions of left,
     * then right, in turn.
     */
    private List<String> partOfUnionLeftRight(int partition, TaskContext context) {
      int part = partition;
      if (part < parallelism) {
        return context.input(0, part);
      }
      part -= parallelism;
      return context.input(1, part);
    }

    /**
     * Segment 2: {@code union(left, right) -> both -> unionOut}, reading left and right partition
     * after partition.
     *
     * <p>Calls {@link NarrowOps#both}.
     */
    private void unionLeftRight_both_unionOut(List<String> unionLeftRight, List<String> unionOut) {
      for (int i = 0, n = unionLeftRight.size(); i < n; i++) {
        String record = unionLeftRight.get(i);
        // both: NarrowOps.both(String)
        boolean both;
        try {
          both = NarrowOps.both(record);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "both", record);
        }
        if (both) {
          // unionOut: output, default sink NarrowOps.unionOut()
          unionOut.add(record);
        }
      }
    }

    /**
     * The records of task {@code partition} of {@code union(upper, reversed)}: the partitions of
     * upper, then reversed, in turn.
     */
    private List<String> partOfUnionUpperReversed(int partition, TaskContext context) {
      int part = partition;
      if (part < parallelism) {
        return upperPartitions.list(part, 0);
      }
      part -= parallelism;
      return reversedPartitions.list(part, 0);
    }

    /**
     * Segment 3: {@code union(upper, reversed) -> mixed -> mixedOut}, reading upper and reversed
     * partition after partition.
     *
     * <p>Calls {@link NarrowOps#mixed}.
     */
    private void unionUpperReversed_mixed_mixedOut(List<String> unionUpperReversed,
        List<String> mixedOut) {
      for (int i = 0, n = unionUpperReversed.size(); i < n; i++) {
        String record = unionUpperReversed.get(i);
        // mixed: NarrowOps.mixed(String)
        String mixed;
        try {
          mixed = NarrowOps.mixed(record);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "mixed", record);
        }
        // mixedOut: output, default sink NarrowOps.mixedOut()
        mixedOut.add(mixed);
      }
    }

    /**
     * Segment 4: {@code tagged -> taggedOut}, reading right.
     *
     * <p>Calls {@link NarrowOps#tagged}.
     */
    private void tagged_taggedOut(List<String> partition, List<String> taggedOut) {
      Emitter<String> tagged = taggedRecord -> {
        // taggedOut: output, default sink NarrowOps.taggedOut()
        taggedOut.add(taggedRecord);
      };
      try {
        NarrowOps.tagged(partition, tagged);
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "tagged", partition);
      }
    }

    /**
     * Segment 5: {@code counted -> countedOut}, reading upper.
     *
     * <p>Calls {@link NarrowOps#counted}.
     */
    private void counted_countedOut(List<String> partition, List<Integer> countedOut) {
      Emitter<Integer> counted = countedRecord -> {
        // countedOut: output, default sink NarrowOps.countedOut()
        countedOut.add(countedRecord);
      };
      try {
        NarrowOps.counted(partition, counted);
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "counted", partition);
      }
    }

    /**
     * Every record of {@code left} in this batch, partition by partition, in a new list.
     */
    private List<String> batchOfKnownWords(TaskContext context) {
      List<String> batch = new ArrayList<>();
      for (int part = 0, parts = parallelism; part < parts; part++) {
        batch.addAll(context.input(0, part));
      }
      return batch;
    }

    /**
     * Segment 6: {@code knownWords -> knownOut}, reading left.
     *
     * <p>Calls {@link NarrowOps#knownWords}.
     */
    private void knownWords_knownOut(List<String> batch, long time, List<String> knownOut) {
      List<String> knownWords;
      try {
        knownWords = pipeline.knownWords(batch, time);
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "knownWords", batch);
      }
      for (int i = 0, n = knownWords.size(); i < n; i++) {
        String knownWords_ = knownWords.get(i);
        // knownOut: output, default sink NarrowOps.knownOut()
        knownOut.add(knownWords_);
      }
    }

    /**
     * Segment 7: {@code spread -> spreadOut}, reading the records dealt to it.
     *
     * <p>Calls {@link NarrowOps#spread}.
     */
    private void spread_spreadOut(RecordExchange<String> exchange, int partition,
        List<String> spreadOut) {
      for (int writer = 0, writers = exchange.writers(); writer < writers; writer++) {
        List<String> part = exchange.list(writer, partition);
        for (int i = 0, n = part.size(); i < n; i++) {
          String spread = part.get(i);
          // spreadOut: output, default sink NarrowOps.spreadOut()
          spreadOut.add(spread);
        }
      }
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of();
    }
  }
}
