package dev.sluice.processor.model;

import java.util.Optional;

/**
 * The operator kinds a stage method can declare, one per operator annotation of {@code
 * dev.sluice.api.annotation}, and the planner's {@link #UNION}: each kind's facts in one place. A
 * kind has a {@link Family}, from which its planning traits follow, says whether it is windowed,
 * and describes its method for messages: its {@linkplain #form(String) signature}, {@linkplain
 * #takes() parameters} and {@linkplain #returns() return value}.
 */
public enum StageKind {
  INPUT("Input", Family.INPUT, Window.NO, "Source<T> %s()", "takes none", "returns its Source"),
  MAP(
      "Map",
      Family.NARROW,
      Window.NO,
      "R %s(T record)",
      "takes one, the record",
      "returns the new record"),
  FILTER(
      "Filter",
      Family.NARROW,
      Window.NO,
      "boolean %s(T record)",
      "takes one, the record",
      "returns boolean"),
  FLAT_MAP(
      "FlatMap",
      Family.NARROW,
      Window.NO,
      "void %s(T record, Emitter<R> out)",
      "takes two, the record and the Emitter of its results",
      Texts.EMITS),
  MAP_VALUES(
      "MapValues",
      Family.NARROW,
      Window.NO,
      "U %s(V value)",
      "takes one, the value",
      Texts.PRODUCES),
  FLAT_MAP_VALUES(
      "FlatMapValues",
      Family.NARROW,
      Window.NO,
      "void %s(V value, Emitter<U> out)",
      "takes two, the value and the Emitter of its results",
      Texts.EMITS),
  MAP_PARTITIONS(
      "MapPartitions",
      Family.PARTITION,
      Window.NO,
      "void %s(List<T> partition, Emitter<R> out)",
      "takes two, the partition and the Emitter of its results",
      Texts.EMITS),
  TRANSFORM(
      "Transform",
      Family.TRANSFORM,
      Window.NO,
      "List<R> %1$s(List<T> batch) or List<R> %1$s(List<T> batch, long time)",
      "takes one or two, the batch and its time",
      "returns a List of the records it produces"),
  REPARTITION(
      "Repartition",
      Family.REPARTITION,
      Window.NO,
      "R %s(T record)",
      "takes one, the record",
      Texts.PRODUCES),
  COUNT(
      "Count",
      Family.AGGREGATE,
      Window.NO,
      "R %s(long count)",
      "takes one, the count",
      Texts.PRODUCES),
  COUNT_BY_VALUE(
      "CountByValue",
      Family.AGGREGATE,
      Window.NO,
      "R %s(T value, long count)",
      "takes two, the value and its count",
      Texts.PRODUCES),
  REDUCE(
      "Reduce",
      Family.AGGREGATE,
      Window.NO,
      "T %s(T a, T b)",
      "takes two, the values to combine",
      Texts.PRODUCES),
  REDUCE_BY_KEY(
      "ReduceByKey",
      Family.AGGREGATE,
      Window.NO,
      "V %s(V a, V b)",
      "takes two, the values to combine",
      Texts.PRODUCES),
  COMBINE_BY_KEY(
      "CombineByKey",
      Family.COMBINE,
      Window.NO,
      "C %s(C a, C b)",
      "takes two, the values to combine",
      Texts.PRODUCES),
  GROUP_BY_KEY(
      "GroupByKey",
      Family.GROUP,
      Window.NO,
      "R %s(K key, List<V> values)",
      "takes two, the key and its values",
      Texts.PRODUCES),
  JOIN(
      "Join",
      Family.JOIN,
      Window.NO,
      "R %s(K key, V left, W right)",
      "takes three, the key and the two sides",
      Texts.PRODUCES),
  COGROUP(
      "Cogroup",
      Family.JOIN,
      Window.NO,
      "R %s(K key, List<V> left, List<W> right)",
      "takes three, the key and the two sides",
      Texts.PRODUCES),
  WINDOW(
      "Window",
      Family.WINDOW,
      Window.YES,
      "R %s(T record)",
      "takes one, the record",
      Texts.PRODUCES),
  REDUCE_BY_KEY_AND_WINDOW(
      "ReduceByKeyAndWindow",
      Family.AGGREGATE,
      Window.YES,
      "V %s(V a, V b)",
      "takes two, the values to combine",
      Texts.PRODUCES),
  REDUCE_BY_WINDOW(
      "ReduceByWindow",
      Family.AGGREGATE,
      Window.YES,
      "T %s(T a, T b)",
      "takes two, the values to combine",
      Texts.PRODUCES),
  COUNT_BY_WINDOW(
      "CountByWindow",
      Family.AGGREGATE,
      Window.YES,
      "R %s(long count)",
      "takes one, the count",
      Texts.PRODUCES),
  GROUP_BY_KEY_AND_WINDOW(
      "GroupByKeyAndWindow",
      Family.GROUP,
      Window.YES,
      "R %s(K key, List<V> values)",
      "takes two, the key and its values",
      Texts.PRODUCES),
  COUNT_BY_VALUE_AND_WINDOW(
      "CountByValueAndWindow",
      Family.AGGREGATE,
      Window.YES,
      "R %s(T value, long count)",
      "takes two, the value and its count",
      Texts.PRODUCES),
  UPDATE_STATE_BY_KEY(
      "UpdateStateByKey",
      Family.UPDATE_STATE,
      Window.NO,
      "Optional<S> %s(List<V> newValues, Optional<S> state)",
      "takes two, the new values and the previous state",
      Texts.PRODUCES),
  MAP_WITH_STATE(
      "MapWithState",
      Family.MAP_WITH_STATE,
      Window.NO,
      "R %s(K key, Optional<V> value, State<S> state)",
      "takes three, the key, the value and the state",
      Texts.PRODUCES),
  /**
   * Reads the state store of the {@code @MapWithState} stage it names, once per key each batch;
   * narrow in that it runs in that stage's segment, but after the batch's calls, not per record.
   */
  STATE_SNAPSHOTS(
      "StateSnapshots",
      Family.SNAPSHOTS,
      Window.NO,
      "R %s(K key, S state)",
      "takes two, the key and its state",
      Texts.PRODUCES),
  OUTPUT("Output", Family.OUTPUT, Window.NO, "Sink<T> %s()", "takes none", "returns its Sink"),
  /**
   * Not an annotation: the union the planner puts in front of a stage that reads several stages;
   * its records are those of every stage it reads, partition after partition, as Spark's {@code
   * union}.
   */
  UNION("Union", Family.UNION, Window.NO, "", "", "");

  /** The package of the operator annotations. */
  public static final String ANNOTATION_PACKAGE = "dev.sluice.api.annotation";

  /** Whether a kind emits sliding windows; a named constant reads better than a boolean above. */
  private enum Window {
    YES,
    NO
  }

  /** Texts several kinds share. */
  private static final class Texts {
    static final String PRODUCES = "returns the record it produces";
    static final String EMITS = "returns void and emits its records to the Emitter";
  }

  private final String simpleName;
  private final Family family;
  private final boolean windowed;
  private final String form;
  private final String takes;
  private final String returns;

  StageKind(
      String simpleName, Family family, Window window, String form, String takes, String returns) {
    this.simpleName = simpleName;
    this.family = family;
    this.windowed = window == Window.YES;
    this.form = form;
    this.takes = takes;
    this.returns = returns;
  }

  /** The annotation as users write it, such as {@code @Map}. */
  public String annotation() {
    return "@" + simpleName;
  }

  /** The qualified name of the annotation type, such as {@code dev.sluice.api.annotation.Map}. */
  public String annotationType() {
    return ANNOTATION_PACKAGE + "." + simpleName;
  }

  /** What the kind does with its records; its planning traits follow from it. */
  public Family family() {
    return family;
  }

  /**
   * The signature of a method of this kind called {@code stage}, in letters: {@code R groups(K key,
   * List<V> values)}.
   */
  public String form(String stage) {
    if (this == UNION) {
      throw new IllegalArgumentException("a union has no method");
    }
    return String.format(form, stage);
  }

  /** What the method's parameters are, for messages: {@code takes one, the record}. */
  public String takes() {
    return takes;
  }

  /** What the method returns, for messages: {@code returns boolean}. */
  public String returns() {
    return returns;
  }

  /** Whether users write this kind as an annotation ({@link #UNION} is made by the planner). */
  public boolean isAnnotation() {
    return family != Family.UNION;
  }

  /** Whether the stage reads other stages through {@code from}. */
  public boolean readsStages() {
    return family != Family.INPUT;
  }

  /** Whether the stage produces records that other stages can read. */
  public boolean producesRecords() {
    return family != Family.OUTPUT;
  }

  /** Whether the stage works record by record and fuses into the segment of its input. */
  public boolean isNarrow() {
    return family.isNarrow();
  }

  /** Whether the stage reads two stages, {@code left} and {@code right}, rather than a union. */
  public boolean isBinary() {
    return family == Family.JOIN;
  }

  /**
   * Whether the stage emits sliding windows: it keeps the last batches in a window store and emits
   * only at its slide, so the stages and outputs after it run at that slide.
   */
  public boolean isWindowed() {
    return windowed;
  }

  /** Whether values are combined on the map side into per-key buffers, then merged. */
  public boolean combines() {
    return family.combines();
  }

  /** Whether every value is shuffled to be grouped by key on the reduce side. */
  public boolean groups() {
    return family.groups();
  }

  /** Whether the stage keeps a state store per key partition across batches. */
  public boolean isStateful() {
    return family.isStateful();
  }

  /** Whether the stage's records start a segment: an input, or the reduce side of a shuffle. */
  public boolean startsSegment() {
    return family != Family.OUTPUT && !isNarrow();
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
