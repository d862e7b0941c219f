package dev.sluice.processor.write;

import dev.sluice.processor.model.StageKind;

/**
 * What the reduce side of a combining stage emits from its merged buffer, windowed or not: the same
 * four shapes serve count, reduce, countByValue and reduce or combine by key, per batch or per
 * window.
 */
enum Aggregation {
  /** One count of the whole batch (or window), passed to the method: {@code R name(long count)}. */
  COUNT,
  /** One value reduced over the whole batch (or window) by the method, emitted as it is. */
  REDUCE,
  /** One count per distinct record, passed to the method: {@code R name(T value, long count)}. */
  COUNT_BY_VALUE,
  /** One value per key, reduced or combined by the method, emitted as {@code KV<K, V>}. */
  BY_KEY;

  /** The aggregation of a {@linkplain StageKind#combines() combining} {@code kind}. */
  static Aggregation of(StageKind kind) {
    return switch (kind) {
      case COUNT, COUNT_BY_WINDOW -> COUNT;
      case REDUCE, REDUCE_BY_WINDOW -> REDUCE;
      case COUNT_BY_VALUE, COUNT_BY_VALUE_AND_WINDOW -> COUNT_BY_VALUE;
      case REDUCE_BY_KEY, REDUCE_BY_KEY_AND_WINDOW, COMBINE_BY_KEY -> BY_KEY;
      case INPUT,
          MAP,
          FILTER,
          FLAT_MAP,
          MAP_VALUES,
          FLAT_MAP_VALUES,
          MAP_PARTITIONS,
          TRANSFORM,
          REPARTITION,
          GROUP_BY_KEY,
          JOIN,
          COGROUP,
          WINDOW,
          GROUP_BY_KEY_AND_WINDOW,
          UPDATE_STATE_BY_KEY,
          MAP_WITH_STATE,
          STATE_SNAPSHOTS,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException(kind + " does not combine");
    };
  }

  /** Whether values are counted (summed as {@code long}s) rather than reduced by a user method. */
  boolean counts() {
    return switch (this) {
      case COUNT, COUNT_BY_VALUE -> true;
      case REDUCE, BY_KEY -> false;
    };
  }
}
