package dev.sluice.kafka;

/**
 * What a {@link KafkaSource} does when the next offset it would plan is no longer in its partition:
 * retention deleted the records before it, or the partition is shorter than it was (the topic was
 * recreated, or an unclean leader election cut it).
 *
 * <p>Only planning can apply a policy. A logged plan is read exactly as planned, so a batch run
 * again after a crash whose records have been deleted since fails, naming its range.
 */
public enum OutOfRangePolicy {
  /** Fail the batch with a message naming the partition, the offset and the partition's range. */
  FAIL,
  /** Go on at the partition's earliest offset, with a WARN saying how many offsets were skipped. */
  EARLIEST,
  /** Go on at the partition's end, with a WARN saying how many offsets were skipped. */
  LATEST
}
