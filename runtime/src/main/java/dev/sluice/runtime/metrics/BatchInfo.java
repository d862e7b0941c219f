package dev.sluice.runtime.metrics;

import java.time.Duration;
import java.util.List;

/**
 * The metrics of one completed batch, with Spark's definitions of the delays.
 *
 * @param pipeline the pipeline's name
 * @param batchTime the batch time in ms: the end of the batch's interval
 * @param records the number of input records of the batch, over all inputs
 * @param schedulingDelay from the batch time until its first task started
 * @param processingTime from its first task's start until its last output was written
 * @param totalDelay from the batch time until its last output was written
 * @param segments the time each segment took, in execution order
 * @param inputs the records of each input, in declaration order, with its backpressure
 */
public record BatchInfo(
    String pipeline,
    long batchTime,
    long records,
    Duration schedulingDelay,
    Duration processingTime,
    Duration totalDelay,
    List<SegmentTime> segments,
    List<InputRecords> inputs) {

  /** Copies the lists, so that a listener may keep the record. */
  public BatchInfo {
    segments = List.copyOf(segments);
    inputs = List.copyOf(inputs);
  }

  /** Metrics without per-input details. */
  public BatchInfo(
      String pipeline,
      long batchTime,
      long records,
      Duration schedulingDelay,
      Duration processingTime,
      Duration totalDelay,
      List<SegmentTime> segments) {
    this(
        pipeline,
        batchTime,
        records,
        schedulingDelay,
        processingTime,
        totalDelay,
        segments,
        List.of());
  }

  /** How long one segment of a batch took, from its first task's start to its last task's end. */
  public record SegmentTime(String segment, Duration time) {}

  /**
   * The records one input contributed to a batch.
   *
   * @param input the input's name
   * @param records how many records it contributed
   * @param receiverBlocked how long its receiver waited for room in its queue, in waits that
   *     ended while this batch's records were collected: the backpressure it felt (always zero
   *     for a batch source)
   */
  public record InputRecords(String input, long records, Duration receiverBlocked) {}
}
