package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What callers wait for: the completion of a given batch, and the end of the pipeline with its
 * failure if any.
 *
 * <p><b>Threads:</b> the driver reports; any other thread waits. <b>Progress:</b> reporting is
 * lock-free (two volatile writes and a walk over the waiters, usually none); waiters park with a
 * timeout. <b>Visibility:</b> the driver writes {@code completedUpTo} and then reads the waiters; a
 * waiter adds itself and then reads {@code completedUpTo}. All are volatile accesses, totally
 * ordered, so either the driver sees the waiter and unparks it or the waiter sees the batch: no
 * lost wake-up. Everything the driver did before reporting a batch (its sinks' writes included)
 * happens-before a waiter that sees it.
 */
final class Termination {

  private final CountDownLatch terminated = new CountDownLatch(1);
  private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();
  private volatile long completedUpTo = Long.MIN_VALUE;
  private volatile PipelineFailedException failure;

  /** The driver: batch {@code batchTime} completed, and with it every earlier one. */
  void batchCompleted(long batchTime) {
    completedUpTo = batchTime;
    wakeWaiters();
  }

  /** The driver, once, after everything stopped: the pipeline ended, failed or not. */
  void terminate(PipelineFailedException failure) {
    this.failure = failure;
    terminated.countDown();
    wakeWaiters();
  }

  /** Whether the pipeline ended. */
  boolean isTerminated() {
    return terminated.getCount() == 0;
  }

  /** Waits up to {@code timeout} for the end; whether it came. Throws nothing for a failure. */
  boolean await(Duration timeout) throws InterruptedException {
    return terminated.await(nanos(timeout), TimeUnit.NANOSECONDS);
  }

  /** {@code timeout} in nanoseconds, saturated: a timeout of centuries must not overflow. */
  static long nanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return timeout.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }

  /**
   * Waits up to {@code timeout} until batch {@code batchTime} completed: whether it did. Returns
   * {@code false} at once if the pipeline ended without it.
   *
   * @throws PipelineFailedException if the pipeline failed before completing it
   */
  boolean awaitBatch(long batchTime, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + nanos(timeout); // compared by difference: may wrap
    Thread me = Thread.currentThread();
    waiters.add(me);
    try {
      while (true) {
        if (completedUpTo >= batchTime) {
          return true;
        }
        if (isTerminated()) {
          throwIfFailed();
          return false;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        LockSupport.parkNanos(this, remaining);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      waiters.remove(me);
    }
  }

  /**
   * Throws a new {@link PipelineFailedException} like the one that stopped the pipeline (same
   * message and cause, the caller's stack), if one did.
   */
  void throwIfFailed() {
    PipelineFailedException failed = failure;
    if (failed != null) {
      throw new PipelineFailedException(failed.getMessage(), failed.getCause());
    }
  }

  private void wakeWaiters() {
    for (Thread waiter : waiters) {
      LockSupport.unpark(waiter);
    }
  }
}
