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
 * @param outputs each output operation, in declaration order: records, duration, whether written
 */
public record BatchInfo(
    String pipeline,
    long batchTime,
    long records,
    Duration schedulingDelay,
    Duration processingTime,
    Duration totalDelay,
    List<SegmentTime> segments,
    List<InputRecords> inputs,
    List<OutputTime> outputs) {

  /** Copies the lists, so that a listener may keep the record. */
  public BatchInfo {
    segments = List.copyOf(segments);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Metrics without per-output details. */
  public BatchInfo(
      String pipeline,
      long batchTime,
      long records,
      Duration schedulingDelay,
      Duration processingTime,
      Duration totalDelay,
      List<SegmentTime> segments,
      List<InputRecords> inputs) {
    this(
        pipeline,
        batchTime,
        records,
        schedulingDelay,
        processingTime,
        totalDelay,
        segments,
        inputs,
        List.of());
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
        List.of(),
        List.of());
  }

  /** How long one segment of a batch took, from its first task's start to its last task's end. */
  public record SegmentTime(String segment, Duration time) {}

  /**
   * The records one input contributed to a batch.
   *
   * @param input the input's name
   * @param records how many records it contributed
   * @param receiverBlocked how long its receiver waited for room in its queue, in waits that ended
   *     while this batch's records were collected: the backpressure it felt (always zero for a
   *     batch source)
   */
  public record InputRecords(String input, long records, Duration receiverBlocked) {}

  /**
   * One output operation of a batch: its sink's {@code write}.
   *
   * @param output the output's name
   * @param records how many records it was given
   * @param time how long its sink's {@code write} took
   * @param written whether the sink was called; {@code false} for a windowed output between slides,
   *     which Spark does not run either
   */
  public record OutputTime(String output, long records, Duration time, boolean written) {}
}
