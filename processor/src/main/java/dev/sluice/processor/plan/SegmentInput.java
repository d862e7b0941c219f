package dev.sluice.processor.plan;

import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One thing a segment's method reads, as one parameter: the planner lists a segment's inputs once
 * ({@link Segment#inputs()}), and the writers declare the method's parameters and write its call
 * from that one list, so the two cannot disagree.
 *
 * <p>An enum-tagged record rather than a sealed interface of records: on Java 17 only a switch on
 * an enum is checked for exhaustiveness by javac, and every writer switches on {@link #source()}.
 *
 * @param source what is read
 * @param stage the stage it belongs to: the segment's head for what the head reads and keeps, the
 *     step's stage for a step's buffer or list
 * @param step the step whose buffer or list it is, or {@code null} for what the head reads
 */
public record SegmentInput(Source source, Stage stage, Step step) {

  /** What a segment's method reads. */
  public enum Source {
    /** The records of one partition of the input that heads the segment. */
    INPUT_PARTITION,
    /** One partition of a union, the partitions of what it unites one after another. */
    UNION_PARTITION,
    /**
     * The partition a {@code mapPartitions} reads: an input's, or as an earlier segment kept it.
     */
    PARTITION,
    /** The whole batch a {@code transform} or {@code window} reads. */
    WHOLE_BATCH,
    /** The batch time, for a {@code transform} that takes it. */
    TRANSFORM_TIME,
    /** The exchange a repartition reads ... */
    EXCHANGE,
    /** ... and the partition of it this task reads. */
    EXCHANGE_PARTITION,
    /** This task's column of a grouping shuffle: its key groups. */
    SHUFFLE_GROUPS,
    /** This task's column of a combining shuffle, merged into one buffer. */
    SHUFFLE_MERGED,
    /** This task's window store. */
    WINDOW_STORE,
    /** This task's state store. */
    STATE_STORE,
    /** The batch's index, for a window or state store. */
    BATCH_INDEX,
    /** The batch time, for a {@code mapWithState} store's timeouts. */
    STATE_TIME,
    /** This task's row of a shuffle's map-side buffers ({@link Step.Role#COMBINE}). */
    MAP_SIDE,
    /** This task's row of a repartition's exchange ({@link Step.Role#DEAL}). */
    DEALT,
    /** This task's row of kept partitions ({@link Step.Role#MATERIALIZE}). */
    KEPT,
    /** This task's list of an output's records ({@link Step.Role#COLLECT}). */
    COLLECTED
  }

  /** Checks a step's input has its step. */
  public SegmentInput {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(stage, "stage");
    boolean ofStep =
        switch (source) {
          case MAP_SIDE, DEALT, KEPT, COLLECTED -> true;
          case INPUT_PARTITION,
              UNION_PARTITION,
              PARTITION,
              WHOLE_BATCH,
              TRANSFORM_TIME,
              EXCHANGE,
              EXCHANGE_PARTITION,
              SHUFFLE_GROUPS,
              SHUFFLE_MERGED,
              WINDOW_STORE,
              STATE_STORE,
              BATCH_INDEX,
              STATE_TIME ->
              false;
        };
    if (ofStep == (step == null)) {
      throw new IllegalArgumentException(source + " of " + stage.name() + " with step " + step);
    }
  }

  /** The inputs of a segment headed by {@code head} with {@code steps}, in parameter order. */
  static List<SegmentInput> of(Stage head, List<Step> steps) {
    List<SegmentInput> inputs = new ArrayList<>();
    switch (head.kind().family()) {
      case INPUT -> inputs.add(head(Source.INPUT_PARTITION, head));
      case UNION -> inputs.add(head(Source.UNION_PARTITION, head));
      case PARTITION -> inputs.add(head(Source.PARTITION, head));
      case WINDOW -> inputs.add(head(Source.WHOLE_BATCH, head));
      case TRANSFORM -> {
        inputs.add(head(Source.WHOLE_BATCH, head));
        if (head.spec(OperatorSpec.Transform.class).withTime()) {
          inputs.add(head(Source.TRANSFORM_TIME, head));
        }
      }
      case REPARTITION -> {
        inputs.add(head(Source.EXCHANGE, head));
        inputs.add(head(Source.EXCHANGE_PARTITION, head));
      }
      case GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
          inputs.add(head(Source.SHUFFLE_GROUPS, head));
      case AGGREGATE, COMBINE -> inputs.add(head(Source.SHUFFLE_MERGED, head));
      case NARROW, SNAPSHOTS, OUTPUT ->
          throw new IllegalArgumentException(head.name() + " cannot start a segment");
    }
    if (head.kind().isWindowed()) {
      inputs.add(head(Source.WINDOW_STORE, head));
      inputs.add(head(Source.BATCH_INDEX, head));
    } else if (head.kind().isStateful()) {
      inputs.add(head(Source.STATE_STORE, head));
      inputs.add(head(Source.BATCH_INDEX, head));
      if (head.spec() instanceof OperatorSpec.MapWithState) {
        inputs.add(head(Source.STATE_TIME, head));
      }
    }
    List<Step> all = new ArrayList<>();
    steps.forEach(step -> all.addAll(step.flatten()));
    for (Step step : all) {
      switch (step.role()) {
        case COMBINE -> inputs.add(new SegmentInput(Source.MAP_SIDE, step.stage(), step));
        case DEAL -> inputs.add(new SegmentInput(Source.DEALT, step.stage(), step));
        case MATERIALIZE -> inputs.add(new SegmentInput(Source.KEPT, step.stage(), step));
        case COLLECT -> inputs.add(new SegmentInput(Source.COLLECTED, step.stage(), step));
        case TRANSFORM, SNAPSHOT -> {}
      }
    }
    return inputs;
  }

  private static SegmentInput head(Source source, Stage head) {
    return new SegmentInput(source, head, null);
  }
}
