package dev.sluice.processor.model;

import java.util.Optional;

/**
 * The operator kinds a stage method can declare, one per operator annotation of {@code
 * dev.sluice.api.annotation}, and the planner's {@link #UNION}. Each kind says how it relates to
 * segments through {@link #startsSegment()}, {@link #isNarrow()}, {@link #combines()}, {@link
 * #groups()} and {@link #isWindowed()}.
 */
public enum StageKind {
  INPUT("Input"),
  MAP("Map"),
  FILTER("Filter"),
  FLAT_MAP("FlatMap"),
  MAP_VALUES("MapValues"),
  FLAT_MAP_VALUES("FlatMapValues"),
  MAP_PARTITIONS("MapPartitions"),
  TRANSFORM("Transform"),
  REPARTITION("Repartition"),
  COUNT("Count"),
  COUNT_BY_VALUE("CountByValue"),
  REDUCE("Reduce"),
  REDUCE_BY_KEY("ReduceByKey"),
  COMBINE_BY_KEY("CombineByKey"),
  GROUP_BY_KEY("GroupByKey"),
  JOIN("Join"),
  COGROUP("Cogroup"),
  WINDOW("Window"),
  REDUCE_BY_KEY_AND_WINDOW("ReduceByKeyAndWindow"),
  REDUCE_BY_WINDOW("ReduceByWindow"),
  COUNT_BY_WINDOW("CountByWindow"),
  GROUP_BY_KEY_AND_WINDOW("GroupByKeyAndWindow"),
  COUNT_BY_VALUE_AND_WINDOW("CountByValueAndWindow"),
  UPDATE_STATE_BY_KEY("UpdateStateByKey"),
  MAP_WITH_STATE("MapWithState"),
  /**
   * Reads the state store of the {@code @MapWithState} stage it names, once per key each batch;
   * narrow in that it runs in that stage's segment, but after the batch's calls, not per record.
   */
  STATE_SNAPSHOTS("StateSnapshots"),
  OUTPUT("Output"),
  /**
   * Not an annotation: the union the planner puts in front of a stage that reads several stages;
   * its records are those of every stage it reads, partition after partition, as Spark's {@code
   * union}.
   */
  UNION("Union");

  /** The package of the operator annotations. */
  public static final String ANNOTATION_PACKAGE = "dev.sluice.api.annotation";

  private final String simpleName;

  StageKind(String simpleName) {
    this.simpleName = simpleName;
  }

  /** The annotation as users write it, such as {@code @Map}. */
  public String annotation() {
    return "@" + simpleName;
  }

  /** The qualified name of the annotation type, such as {@code dev.sluice.api.annotation.Map}. */
  public String annotationType() {
    return ANNOTATION_PACKAGE + "." + simpleName;
  }

  /** Whether users write this kind as an annotation ({@link #UNION} is made by the planner). */
  public boolean isAnnotation() {
    return this != UNION;
  }

  /** Whether the stage reads other stages through {@code from}. */
  public boolean readsStages() {
    return this != INPUT;
  }

  /** Whether the stage produces records that other stages can read. */
  public boolean producesRecords() {
    return this != OUTPUT;
  }

  /** Whether the stage works record by record and fuses into the segment of its input. */
  public boolean isNarrow() {
    return this == MAP
        || this == FILTER
        || this == FLAT_MAP
        || this == MAP_VALUES
        || this == FLAT_MAP_VALUES
        || this == STATE_SNAPSHOTS;
  }

  /** Whether the stage reads two stages, {@code left} and {@code right}, rather than a union. */
  public boolean isBinary() {
    return this == JOIN || this == COGROUP;
  }

  /** Whether the stage reads {@code KV<K, V>} records and works per key. */
  public boolean isKeyed() {
    return this == MAP_VALUES
        || this == FLAT_MAP_VALUES
        || this == REDUCE_BY_KEY
        || this == COMBINE_BY_KEY
        || this == GROUP_BY_KEY
        || this == JOIN
        || this == COGROUP
        || this == REDUCE_BY_KEY_AND_WINDOW
        || this == GROUP_BY_KEY_AND_WINDOW
        || this == UPDATE_STATE_BY_KEY
        || this == MAP_WITH_STATE;
  }

  /**
   * Whether the stage emits sliding windows: it keeps the last batches in a window store and emits
   * only at its slide, so the stages and outputs after it run at that slide.
   */
  public boolean isWindowed() {
    return this == WINDOW
        || this == REDUCE_BY_KEY_AND_WINDOW
        || this == REDUCE_BY_WINDOW
        || this == COUNT_BY_WINDOW
        || this == GROUP_BY_KEY_AND_WINDOW
        || this == COUNT_BY_VALUE_AND_WINDOW;
  }

  /** Whether values are combined on the map side into per-key buffers, then merged. */
  public boolean combines() {
    return this == COUNT
        || this == COUNT_BY_VALUE
        || this == REDUCE
        || this == REDUCE_BY_KEY
        || this == COMBINE_BY_KEY
        || this == REDUCE_BY_KEY_AND_WINDOW
        || this == REDUCE_BY_WINDOW
        || this == COUNT_BY_WINDOW
        || this == COUNT_BY_VALUE_AND_WINDOW;
  }

  /** Whether every value is shuffled to be grouped by key on the reduce side. */
  public boolean groups() {
    return this == GROUP_BY_KEY || this == JOIN || this == COGROUP || this == GROUP_BY_KEY_AND_WINDOW
        || this == UPDATE_STATE_BY_KEY || this == MAP_WITH_STATE;
  }

  /** Whether the stage keeps a state store per key partition across batches. */
  public boolean isStateful() {
    return this == UPDATE_STATE_BY_KEY || this == MAP_WITH_STATE;
  }

  /** Whether the whole batch goes to one task: a global aggregate or a transform. */
  public boolean isSingleTask() {
    return this == COUNT
        || this == REDUCE
        || this == TRANSFORM
        || this == WINDOW
        || this == COUNT_BY_WINDOW
        || this == REDUCE_BY_WINDOW;
  }

  /** Whether the stage's records start a segment: an input, or the reduce side of a shuffle. */
  public boolean startsSegment() {
    return this != OUTPUT && !isNarrow();
  }

  /** The kind whose annotation type is {@code qualifiedName}, if it is an operator annotation. */
  public static Optional<StageKind> forAnnotationType(String qualifiedName) {
    for (StageKind kind : values()) {
      if (kind.isAnnotation() && kind.annotationType().equals(qualifiedName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
