package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * How the values of a keyed aggregation are stored: unboxed in a {@code long} slot for each
 * primitive type, or as references. Chosen from the type the user's function declares, so that a
 * {@code long counts(long a, long b)} never boxes.
 */
public enum ValueKind {
  BOOLEAN(TypeName.BOOLEAN),
  BYTE(TypeName.BYTE),
  SHORT(TypeName.SHORT),
  CHAR(TypeName.CHAR),
  INT(TypeName.INT),
  LONG(TypeName.LONG),
  FLOAT(TypeName.FLOAT),
  DOUBLE(TypeName.DOUBLE),
  REFERENCE(null);

  private final TypeName primitive;

  ValueKind(TypeName primitive) {
    this.primitive = primitive;
  }

  /** Whether values are primitives kept in a {@code long} slot. */
  public boolean isPrimitive() {
    return this != REFERENCE;
  }

  /** The kind for a declared value type: its primitive kind, or {@link #REFERENCE}. */
  public static ValueKind of(TypeName type) {
    for (ValueKind kind : values()) {
      if (type.equals(kind.primitive)) {
        return kind;
      }
    }
    return REFERENCE;
  }
}
