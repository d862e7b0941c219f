package dev.sluice.examples;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.GroupShuffle;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.KeyGroups;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PairBuffer;
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
 * Pipeline {@link ClickImpressionJoin}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code clicks -> clicksByAd}, {@code impressions ->
 * impressionsByAd}, {@code attributed -> print}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class ClickImpressionJoinPipeline {
  private ClickImpressionJoinPipeline() {
  }

  /**
   * A new builder of pipeline {@code ClickImpressionJoin}, with a default batch interval of 2000
   * ms.
   *
   * <ul>
   *   <li>input {@code clicks}: {@code String}
   *   <li>input {@code impressions}: {@code String}
   *   <li>output {@code print}: {@code KV<String, KV<String, String>>}
   * </ul>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the inputs and outputs of pipeline {@code ClickImpressionJoin}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "ClickImpressionJoin",
          Duration.ofMillis(2000),
          List.of(
              new PipelineBuilder.Port("clicks", "String", true),
              new PipelineBuilder.Port("impressions", "String", true)),
          List.of(new PipelineBuilder.Port("print", "KV<String, KV<String, String>>", false)));
    }

    /**
     * Binds input {@code clicks}, replacing the default from {@code ClickImpressionJoin.clicks()}.
     */
    public Builder clicks(Source<String> source) {
      return bindInput("clicks", source);
    }

    /**
     * Binds input {@code impressions}, replacing the default from {@code
     * ClickImpressionJoin.impressions()}.
     */
    public Builder impressions(Source<String> source) {
      return bindInput("impressions", source);
    }

    /**
     * Binds output {@code print}, replacing the default from {@code ClickImpressionJoin.print()}.
     */
    public Builder print(Sink<? super KV<String, KV<String, String>>> sink) {
      return bindOutput("print", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> clicks = boundInput("clicks");
      Source<String> impressions = boundInput("impressions");
      Sink<? super KV<String, KV<String, String>>> print = boundOutput("print");
      // Only the defaults need an instance of ClickImpressionJoin.
      ClickImpressionJoin pipeline = clicks == null || impressions == null
          || print == null ? new ClickImpressionJoin() : null;
      if (clicks == null) {
        clicks = pipeline.clicks();
      }
      if (impressions == null) {
        impressions = pipeline.impressions();
      }
      if (print == null) {
        print = pipeline.print();
      }
      return new Program(clicks, impressions, print, parallelism);
    }
  }

  /**
   * Runs the segments of pipeline {@code ClickImpressionJoin} and owns the shuffle buffers between
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
    private final GroupShuffle<String, String, String> attributedShuffle;

    Program(Source<String> clicks, Source<String> impressions,
        Sink<? super KV<String, KV<String, String>>> print, int parallelism) {
      super(
          "ClickImpressionJoin",
          List.of(
              new InputSlot("clicks", clicks),
              new InputSlot("impressions", impressions)),
          List.of(
              new SegmentSlot("clicks -> clicksByAd", parallelism),
              new SegmentSlot("impressions -> impressionsByAd", parallelism),
              new SegmentSlot("attributed -> print", parallelism)),
          List.of(new OutputSlot("print", print, parallelism)));
      this.attributedShuffle = new GroupShuffle<>(parallelism, parallelism, parallelism);
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> clicks_clicksByAd(context.input(0, partition), attributedShuffle.left(partition));
        case 1 -> impressions_impressionsByAd(context.input(1, partition),
            attributedShuffle.right(partition));
        case 2 -> attributed_print(attributedShuffle.group(partition),
            context.output(0, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code clicks -> clicksByAd}, combining into the map side of attributed.
     *
     * <p>Calls {@link ClickImpressionJoin#clicksByAd}.
     */
    private void clicks_clicksByAd(List<String> clicks, PairBuffer<String, String>[] attributed) {
      for (int i = 0, n = clicks.size(); i < n; i++) {
        String click = clicks.get(i);
        // clicksByAd: ClickImpressionJoin.clicksByAd(String)
        KV<String, String> clicksByAd;
        try {
          clicksByAd = ClickImpressionJoin.clicksByAd(click);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "clicksByAd", click);
        }
        // attributed left, map side: appends the value to its key's buffer, for the reduce side of
        // attributed
        try {
          String key = clicksByAd.key();
          attributed[Partitioner.partition(key, attributed.length)].add(key, clicksByAd.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "attributed", clicksByAd);
        }
      }
    }

    /**
     * Segment 1: {@code impressions -> impressionsByAd}, combining into the map side of attributed.
     *
     * <p>Calls {@link ClickImpressionJoin#impressionsByAd}.
     */
    private void impressions_impressionsByAd(List<String> impressions,
        PairBuffer<String, String>[] attributedRight) {
      for (int i = 0, n = impressions.size(); i < n; i++) {
        String impression = impressions.get(i);
        // impressionsByAd: ClickImpressionJoin.impressionsByAd(String)
        KV<String, String> impressionsByAd;
        try {
          impressionsByAd = ClickImpressionJoin.impressionsByAd(impression);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "impressionsByAd", impression);
        }
        // attributed right, map side: appends the value to its key's buffer, for the reduce side of
        // attributed
        try {
          String key = impressionsByAd.key();
          attributedRight[Partitioner.partition(key, attributedRight.length)].add(key,
              impressionsByAd.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "attributed", impressionsByAd);
        }
      }
    }

    /**
     * Segment 2: {@code attributed -> print}, reading the reduce side of attributed.
     *
     * <p>Calls {@link ClickImpressionJoin#attributed}.
     */
    private void attributed_print(KeyGroups<String, String, String> groups,
        List<KV<String, KV<String, String>>> print) {
      Emitter<KV<String, KV<String, String>>> attributed = attributedRecord -> {
        // print: output, default sink ClickImpressionJoin.print()
        print.add(attributedRecord);
      };
      for (int i = 0, n = groups.size(); i < n; i++) {
        String key = groups.key(i);
        List<String> left = groups.left(i);
        List<String> right = groups.right(i);
        // attributed: ClickImpressionJoin.attributed(String, String, String)
        for (int a = 0; a < left.size(); a++) {
          for (int b = 0; b < right.size(); b++) {
            try {
              attributed.emit(ClickImpressionJoin.attributed(key, left.get(a), right.get(b)));
            } catch (RuntimeException e) {
              throw StageFailure.wrap(e, "attributed", key);
            }
          }
        }
      }
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of();
    }
  }
}
