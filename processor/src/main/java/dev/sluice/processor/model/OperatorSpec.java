package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * What an operator needs beyond its records' types: the key and value types of keyed operators,
 * partition counts, a join's kind and a combine's extra functions. Fields an operator does not use
 * are {@code null} (or 0).
 *
 * @param key {@code K} of the {@code KV<K, V>} records read (of the left side for a join)
 * @param value {@code V} of the records read (of the left side for a join)
 * @param right {@code W} of the right side's {@code KV<K, W>} for a join or cogroup
 * @param partitions reduce partitions of a shuffle (0: the parallelism), or of a repartition
 * @param joinKind {@code INNER}, {@code LEFT_OUTER}, {@code RIGHT_OUTER} or {@code FULL_OUTER}
 * @param create a combine's {@code createCombiner} method
 * @param mergeValue a combine's {@code mergeValue} method
 * @param withTime whether a transform's method also takes the batch time
 * @param windowing the window of a {@linkplain StageKind#isWindowed() windowed} stage
 * @param stateTimeout the timeout of a {@code @MapWithState} stage
 */
public record OperatorSpec(
    TypeName key,
    TypeName value,
    TypeName right,
    int partitions,
    String joinKind,
    UserMethod create,
    UserMethod mergeValue,
    boolean withTime,
    Windowing windowing,
    StateTimeout stateTimeout) {

  /** The spec of an operator that needs nothing more. */
  public static final OperatorSpec NONE =
      new OperatorSpec(null, null, null, 0, null, null, null, false, null, null);

  /** A keyed spec: the key and value types, and the partitions of the shuffle if any. */
  public static OperatorSpec keyed(TypeName key, TypeName value, int partitions) {
    return new OperatorSpec(key, value, null, partitions, null, null, null, false, null, null);
  }

  /** The spec of a join or cogroup. */
  public static OperatorSpec binary(
      TypeName key, TypeName left, TypeName right, int partitions, String joinKind) {
    return new OperatorSpec(key, left, right, partitions, joinKind, null, null, false, null, null);
  }

  /** This spec with {@code windowing}. */
  public OperatorSpec withWindowing(Windowing windowing) {
    return new OperatorSpec(
        key, value, right, partitions, joinKind, create, mergeValue, withTime, windowing,
        stateTimeout);
  }

  /** This spec with {@code stateTimeout}. */
  public OperatorSpec withStateTimeout(StateTimeout stateTimeout) {
    return new OperatorSpec(
        key, value, right, partitions, joinKind, create, mergeValue, withTime, windowing,
        stateTimeout);
  }

  /** Whether a side of a join may be absent: {@code left} or {@code right}. */
  public boolean optional(boolean left) {
    return "FULL_OUTER".equals(joinKind)
        || (left ? "RIGHT_OUTER".equals(joinKind) : "LEFT_OUTER".equals(joinKind));
  }
}
