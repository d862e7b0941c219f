package dev.sluice.runtime.metrics;

/**
 * Told of a pipeline's life and of every batch's metrics, like Spark's {@code StreamingListener}.
 *
 * <p><b>Threads:</b> every callback runs on the pipeline's driver thread, one at a time, in batch
 * order. Callbacks must return quickly; a slow listener delays the next batch. An exception from
 * a listener is logged and otherwise ignored.
 */
public interface StreamingListener {

  /** The pipeline started; {@code firstBatchTime} is the time of its first batch in ms. */
  default void onPipelineStarted(String pipeline, long firstBatchTime) {}

  /** A batch finished: every output was written. */
  default void onBatchCompleted(BatchInfo batch) {}

  /** The pipeline stopped; {@code failure} is what stopped it, or {@code null} for a stop. */
  default void onPipelineStopped(String pipeline, Throwable failure) {}
}
