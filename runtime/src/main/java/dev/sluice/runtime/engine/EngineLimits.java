package dev.sluice.runtime.engine;

import java.time.Duration;

/**
 * The bounds that give a pipeline backpressure instead of unbounded memory.
 *
 * @param receiverQueueCapacity records a receiver's queue holds before {@code store} waits, rounded
 *     up to a power of two, at least 4
 * @param maxPendingBatches sealed batches that may wait for processing; when that many wait, the
 *     driver stops draining receivers (their queues fill and they wait) and seals no new batch
 *     until one completes, so batch times fall behind the clock and scheduling delay shows it
 * @param receiverStopTimeout how long a stop waits for receiving threads to end before it goes on
 *     without them
 */
public record EngineLimits(
    int receiverQueueCapacity, int maxPendingBatches, Duration receiverStopTimeout) {

  /**
   * The defaults: 32K records per receiver (a few milliseconds of a fast source, small enough to
   * stay in cache), 16 waiting batches, 10 s for receivers to stop.
   */
  public static final EngineLimits DEFAULTS =
      new EngineLimits(32 * 1024, 16, Duration.ofSeconds(10));

  /** Checks the bounds. */
  public EngineLimits {
    if (receiverQueueCapacity < 1 || maxPendingBatches < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: queue capacity "
              + receiverQueueCapacity
              + ", pending batches "
              + maxPendingBatches);
    }
    if (receiverStopTimeout.isNegative()) {
      throw new IllegalArgumentException("negative receiver stop timeout " + receiverStopTimeout);
    }
  }
}
