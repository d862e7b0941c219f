package dev.sluice.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * The records of one topic partition that one batch reads: offsets {@code from} (inclusive) to
 * {@code until} (exclusive), like Spark's {@code OffsetRange}. An empty range ({@code from ==
 * until}) still records where the partition stands.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param from the first offset of the batch
 * @param until the offset after the batch's last one
 */
public record OffsetRange(String topic, int partition, long from, long until) {

  /** Checks that the range is not reversed and its offsets are not negative. */
  public OffsetRange {
    if (from < 0 || until < from) {
      throw new IllegalArgumentException(
          "bad offset range [" + from + ", " + until + ") of " + topic + "-" + partition);
    }
  }

  /** The topic partition. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** The number of offsets in the range (with transactions, more than the records it holds). */
  public long size() {
    return until - from;
  }

  @Override
  public String toString() {
    return topic + "-" + partition + " [" + from + ", " + until + ")";
  }
}
