package dev.sluice.runtime.metrics;

import java.time.Duration;
import java.util.List;

/**
 * What a pipeline is, told to listeners when it starts: its settings and its shape as the runtime
 * runs it (inputs, fused segments, outputs).
 *
 * @param name the pipeline's name
 * @param startTime the clock's time when it started, in ms
 * @param firstBatchTime the time of its first batch, in ms
 * @param batchInterval the batch interval
 * @param parallelism the partitions per batch and worker threads
 * @param inputs the inputs in declaration order
 * @param segments the segments in execution order
 * @param outputs the outputs in declaration order
 */
public record PipelineInfo(
    String name,
    long startTime,
    long firstBatchTime,
    Duration batchInterval,
    int parallelism,
    List<Input> inputs,
    List<Segment> segments,
    List<Output> outputs) {

  /** Copies the lists. */
  public PipelineInfo {
    inputs = List.copyOf(inputs);
    segments = List.copyOf(segments);
    outputs = List.copyOf(outputs);
  }

  /**
   * An input.
   *
   * @param name the {@code @Input} stage's name
   * @param source its source's {@code describe()}
   * @param receiver whether the source pushes from a receiving thread of its own (through a bounded
   *     queue) rather than being asked once per batch
   * @param queueCapacity the records its queue holds before the receiver waits; 0 for a source
   *     asked per batch
   */
  public record Input(String name, String source, boolean receiver, int queueCapacity) {}

  /**
   * A segment: stages fused into one loop, between shuffles.
   *
   * @param name its stages, such as {@code lines -> words -> pairs}; a stage feeding several is
   *     followed by its branches in brackets: {@code sessions -> [active -> open, print]}
   * @param tasks its tasks per batch
   * @param code the code the processor generated for it, with the user's method names in its
   *     comments; empty when the processor saved none
   */
  public record Segment(String name, int tasks, String code) {}

  /**
   * An output.
   *
   * @param name the {@code @Output} stage's name
   * @param slide every how many batches it is written
   */
  public record Output(String name, int slide) {}
}
