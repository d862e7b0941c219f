package dev.sluice.runtime.engine;

import org.jctools.queues.MpscArrayQueue;

/**
 * Finished tasks on their way back to the driver: one MPSC queue from every worker.
 *
 * <p><b>Threads:</b> workers call {@link #complete}; the driver polls. <b>Progress:</b> {@code
 * complete} is lock-free (a CAS on the producer index) and wakes the driver only when it parks
 * ({@link Parker}). <b>Visibility:</b> everything a task wrote, its results and timings included,
 * happens-before the driver polls it. <b>Backpressure:</b> sized for every task that can be
 * outstanding at once, so an offer never fails; if it did, that is a bug and {@code complete}
 * throws.
 */
final class Completions {

  private final MpscArrayQueue<BatchTask> queue;
  private final Parker driver;

  Completions(int capacity, Parker driver) {
    this.queue = new MpscArrayQueue<>(capacity);
    this.driver = driver;
  }

  /** A worker: hands {@code task} back and wakes the driver if it parks. */
  void complete(BatchTask task) {
    if (!queue.offer(task)) {
      throw new IllegalStateException("completion queue full: " + task);
    }
    driver.wake();
  }

  /** The driver: the next finished task, or {@code null}. */
  BatchTask poll() {
    return queue.poll();
  }

  /** Whether finished tasks wait; any thread. */
  boolean isEmpty() {
    return queue.isEmpty();
  }
}
