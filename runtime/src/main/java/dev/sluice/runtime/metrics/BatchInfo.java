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
 */
public record BatchInfo(
    String pipeline,
    long batchTime,
    long records,
    Duration schedulingDelay,
    Duration processingTime,
    Duration totalDelay,
    List<SegmentTime> segments) {

  /** How long one segment of a batch took, from its first task's start to its last task's end. */
  public record SegmentTime(String segment, Duration time) {}
}
