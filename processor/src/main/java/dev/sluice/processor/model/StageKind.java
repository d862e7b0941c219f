package dev.sluice.processor.model;

import java.util.Optional;

/**
 * The operator kinds a stage method can declare, one per operator annotation of {@code
 * dev.sluice.api.annotation}. Later kinds (windows, state, joins) add constants here and say how
 * they relate to segments through {@link #startsSegment()} and {@link #isNarrow()}.
 */
public enum StageKind {
  INPUT("Input"),
  MAP("Map"),
  FILTER("Filter"),
  FLAT_MAP("FlatMap"),
  REDUCE_BY_KEY("ReduceByKey"),
  OUTPUT("Output");

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
    return this == MAP || this == FILTER || this == FLAT_MAP;
  }

  /** Whether the stage's records start a segment: an input, or the reduce side of a shuffle. */
  public boolean startsSegment() {
    return this == INPUT || this == REDUCE_BY_KEY;
  }

  /** The kind whose annotation type is {@code qualifiedName}, if it is an operator annotation. */
  public static Optional<StageKind> forAnnotationType(String qualifiedName) {
    for (StageKind kind : values()) {
      if (kind.annotationType().equals(qualifiedName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
