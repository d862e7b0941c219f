package dev.sluice.runtime.cli;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.StreamingListener;

/**
 * Asks for a graceful stop once a given number of batches has completed: {@code --batches N}.
 *
 * <p><b>Threads:</b> the callbacks run on the pipeline's driver thread, one at a time, so the count
 * needs no synchronization. <b>Visibility:</b> it is made on the main thread before the pipeline
 * starts, and starting the driver thread publishes it. <b>Progress:</b> the stop request must not
 * block; it is {@code StreamingPipeline.requestStop(true)}, which returns at once.
 * <b>Allocation:</b> none per batch.
 */
final class StopAfterBatches implements StreamingListener {

  private final long limit;
  private final Runnable requestStop;
  private long completed;

  /**
   * @param limit the number of batches after which to stop, at least 1
   * @param requestStop asks the pipeline to stop gracefully; called once
   */
  StopAfterBatches(long limit, Runnable requestStop) {
    this.limit = limit;
    this.requestStop = requestStop;
  }

  @Override
  public void onBatchCompleted(BatchInfo batch) {
    completed++;
    if (completed == limit) {
      requestStop.run();
    }
  }
}
