package dev.sluice.bench.endtoend;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * The engine's own account of the measured batches, beside the line latencies: how long each waited
 * to start (scheduling delay) and how long it ran (processing time), from the pipeline's {@link
 * StreamingListener}. A line's latency is its wait in the open interval plus these two, so they
 * tell an engine delay from a long interval.
 *
 * <p><b>Threads:</b> {@link #onBatchCompleted} on the pipeline's driver thread; the getters by the
 * benchmark after the pipeline stopped (its termination publishes the histograms).
 */
final class BatchDelays implements StreamingListener {

  private final BooleanSupplier measuring;
  private final Histogram scheduling = new Histogram(3_600_000_000L, 3);
  private final Histogram processing = new Histogram(3_600_000_000L, 3);

  /**
   * Records the batches with records that complete while {@code measuring} says so, in
   * microseconds. Empty batches carry no line, so they are left out: when the driver falls behind
   * the clock it seals the overdue intervals in one turn, and all but the first are empty and late.
   */
  BatchDelays(BooleanSupplier measuring) {
    this.measuring = measuring;
  }

  @Override
  public void onBatchCompleted(BatchInfo batch) {
    if (batch.records() > 0 && measuring.getAsBoolean()) {
      scheduling.recordValue(batch.schedulingDelay().toNanos() / 1_000);
      processing.recordValue(batch.processingTime().toNanos() / 1_000);
    }
  }

  /** Scheduling delays of the measured batches, in microseconds. */
  Histogram scheduling() {
    return scheduling;
  }

  /** Processing times of the measured batches, in microseconds. */
  Histogram processing() {
    return processing;
  }
}
