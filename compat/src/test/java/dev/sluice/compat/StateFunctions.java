package dev.sluice.compat;

import java.util.List;
import java.util.Optional;

/** The state update both engines run: the same Java code behind each engine's signature. */
final class StateFunctions {

  private StateFunctions() {}

  /**
   * A running total: a 0 among the values removes the key; a key without new values loses 1 and is
   * removed at 0, so keys that vanish from the input are still updated, then removed.
   */
  static Optional<Long> total(List<Long> values, Optional<Long> state) {
    if (values.contains(0L)) {
      return Optional.empty();
    }
    long total = state.orElse(0L);
    for (long value : values) {
      total += value;
    }
    if (values.isEmpty()) {
      total -= 1;
    }
    return total <= 0 ? Optional.empty() : Optional.of(total);
  }
}
