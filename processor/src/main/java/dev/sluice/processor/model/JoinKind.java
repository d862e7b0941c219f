package dev.sluice.processor.model;

/**
 * The kinds of {@code @Join}, as {@code @Join(kind)} names them, each knowing which of its sides
 * may be absent for a key and so reaches the user's method as an {@code Optional}.
 */
public enum JoinKind {
  /** Keys on both sides only. */
  INNER(false, false),
  /** Every key of the left side; the right may be absent. */
  LEFT_OUTER(false, true),
  /** Every key of the right side; the left may be absent. */
  RIGHT_OUTER(true, false),
  /** Every key of either side; either may be absent. */
  FULL_OUTER(true, true);

  private final boolean leftOptional;
  private final boolean rightOptional;

  JoinKind(boolean leftOptional, boolean rightOptional) {
    this.leftOptional = leftOptional;
    this.rightOptional = rightOptional;
  }

  /** Whether the left side may be absent for a key. */
  public boolean leftOptional() {
    return leftOptional;
  }

  /** Whether the right side may be absent for a key. */
  public boolean rightOptional() {
    return rightOptional;
  }

  /** Whether side {@code left} (otherwise the right) may be absent for a key. */
  public boolean optional(boolean left) {
    return left ? leftOptional : rightOptional;
  }
}
