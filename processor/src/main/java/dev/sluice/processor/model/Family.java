package dev.sluice.processor.model;

/**
 * What a stage kind does with its records, which decides how it is planned, which {@link
 * OperatorSpec} it carries and which writer writes it. Every trait of a kind that is not its own
 * data (its window, its signature) follows from its family.
 */
public enum Family {
  /** {@code @Input}: records come from a source. */
  INPUT,
  /**
   * Record by record, fused into the loop of what it reads: map, filter, flatMap and their forms
   * over values.
   */
  NARROW,
  /**
   * {@code @StateSnapshots}: runs in its {@code @MapWithState} stage's segment, once per key after
   * the batch's calls.
   */
  SNAPSHOTS,
  /** {@code @MapPartitions}: a whole partition at a time. */
  PARTITION,
  /** {@code @Transform}: the whole batch at a time. */
  TRANSFORM,
  /** {@code @Repartition}: records dealt round robin to a number of partitions. */
  REPARTITION,
  /** Count, reduce, count by value and reduce by key: values combined per key on the map side. */
  AGGREGATE,
  /** {@code @CombineByKey}: values combined per key with a user's combiner functions. */
  COMBINE,
  /** {@code @GroupByKey}: every value shuffled and grouped by key. */
  GROUP,
  /** {@code @Join} and {@code @Cogroup}: two stages' values grouped by key. */
  JOIN,
  /** {@code @UpdateStateByKey}: grouped values folded into a state per key. */
  UPDATE_STATE,
  /** {@code @MapWithState}: each record called with its key's state. */
  MAP_WITH_STATE,
  /** {@code @Window}: the records of the last batches. */
  WINDOW,
  /** {@code @Output}: records go to a sink. */
  OUTPUT,
  /** The planner's union in front of a stage reading several stages. */
  UNION;

  /** Whether stages of the family work record by record and fuse into the segment they read. */
  public boolean isNarrow() {
    return switch (this) {
      case NARROW, SNAPSHOTS -> true;
      case INPUT,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          AGGREGATE,
          COMBINE,
          GROUP,
          JOIN,
          UPDATE_STATE,
          MAP_WITH_STATE,
          WINDOW,
          OUTPUT,
          UNION ->
          false;
    };
  }

  /** Whether values are combined on the map side into per-key buffers, then merged. */
  public boolean combines() {
    return switch (this) {
      case AGGREGATE, COMBINE -> true;
      case INPUT,
          NARROW,
          SNAPSHOTS,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          GROUP,
          JOIN,
          UPDATE_STATE,
          MAP_WITH_STATE,
          WINDOW,
          OUTPUT,
          UNION ->
          false;
    };
  }

  /** Whether every value is shuffled to be grouped by key on the reduce side. */
  public boolean groups() {
    return switch (this) {
      case GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE -> true;
      case INPUT,
          NARROW,
          SNAPSHOTS,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          AGGREGATE,
          COMBINE,
          WINDOW,
          OUTPUT,
          UNION ->
          false;
    };
  }

  /** Whether stages of the family keep a state store per key partition across batches. */
  public boolean isStateful() {
    return switch (this) {
      case UPDATE_STATE, MAP_WITH_STATE -> true;
      case INPUT,
          NARROW,
          SNAPSHOTS,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          AGGREGATE,
          COMBINE,
          GROUP,
          JOIN,
          WINDOW,
          OUTPUT,
          UNION ->
          false;
    };
  }
}
