package dev.sluice.runtime.metrics;

/**
 * Told of a pipeline's life and of every batch's progress, like Spark's {@code StreamingListener}:
 * the pipeline started; a batch was submitted (sealed), started, completed or failed; the pipeline
 * stopped. Monitoring (the web UI, metrics, the event log) is built only from these events.
 *
 * <p><b>Threads:</b> every callback runs on the pipeline's driver thread, one at a time, in order:
 * for each batch submitted, then started, then completed or failed; batches in batch order.
 * Callbacks must return quickly; a slow listener delays the next batch. An exception from a
 * listener is logged and otherwise ignored.
 */
public interface StreamingListener {

  /** The pipeline started; by default calls {@link #onPipelineStarted(String, long)}. */
  default void onPipelineStarted(PipelineInfo pipeline) {
    onPipelineStarted(pipeline.name(), pipeline.firstBatchTime());
  }

  /** The pipeline started; {@code firstBatchTime} is the time of its first batch in ms. */
  default void onPipelineStarted(String pipeline, long firstBatchTime) {}

  /** A batch's interval ended: it is sealed and waits to be processed. */
  default void onBatchSubmitted(BatchSubmitted batch) {}

  /**
   * A batch's first tasks were handed to the workers.
   *
   * @param startTime the clock's time then, in ms
   */
  default void onBatchStarted(String pipeline, long batchTime, long startTime) {}

  /** A batch finished: every output was written. */
  default void onBatchCompleted(BatchInfo batch) {}

  /**
   * A batch failed, which fails the pipeline ({@link #onPipelineStopped} follows).
   *
   * @param error what failed, naming the stage or output, such as {@code Pipeline WordCount failed
   *     in stage 'pairs' of batch 1764032402000 on record "hello": ...}
   */
  default void onBatchFailed(String pipeline, long batchTime, String error) {}

  /** The pipeline stopped; {@code failure} is what stopped it, or {@code null} for a stop. */
  default void onPipelineStopped(String pipeline, Throwable failure) {}

  /**
   * A state snapshot was written to the checkpoint directory (every checkpoint interval, with a
   * checkpoint directory); called on the driver thread, between batches.
   */
  default void onCheckpointCompleted(CheckpointInfo checkpoint) {}

  /**
   * A receiver reported a problem it got over; the pipeline goes on. Called on the driver thread
   * soon after the report, with only the newest of the reports made since the last call.
   */
  default void onReceiverError(ReceiverError error) {}
}
