package dev.sluice.kafka;

/**
 * Where a {@link KafkaSource} starts reading on its first start. A restart with a checkpoint
 * directory never uses it: it goes on after the last logged plan.
 */
public enum StartingOffsets {
  /** At the first offset each partition still holds. */
  EARLIEST,
  /** At the end of each partition: only records written after the start. */
  LATEST,
  /**
   * At the offsets committed to the source's group (with {@code group}); a partition with no
   * committed offset starts at its earliest.
   */
  COMMITTED
}
