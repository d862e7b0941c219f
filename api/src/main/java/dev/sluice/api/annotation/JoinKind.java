package dev.sluice.api.annotation;

/** Which keys a {@link Join} emits, as Spark's join methods of the same names. */
public enum JoinKind {
  /** Keys on both sides: {@code join}. */
  INNER,
  /**
   * Every left value; the right side is {@code Optional.empty()} when absent: {@code
   * leftOuterJoin}.
   */
  LEFT_OUTER,
  /**
   * Every right value; the left side is {@code Optional.empty()} when absent: {@code
   * rightOuterJoin}.
   */
  RIGHT_OUTER,
  /** Both: {@code fullOuterJoin}, with {@code Optional} on both sides. */
  FULL_OUTER
}
