package dev.sluice.runtime.engine;

import java.util.List;

/**
 * One input of a running pipeline as the driver sees it: gathers the records of the open interval
 * and hands them over when a batch is sealed.
 *
 * <p><b>Threads:</b> the driver calls everything except where a method says otherwise.
 */
abstract sealed class InputFeed permits BatchSourceFeed, ReceiverFeed {

  private final String name;

  InputFeed(String name) {
    this.name = name;
  }

  /** The input's stage name. */
  final String name() {
    return name;
  }

  /**
   * The newest error the receiver reported since the last call, or {@code null}; never one for a
   * source asked per batch, whose errors fail the pipeline.
   */
  ReceiverHandoff.Reported pollError() {
    return null;
  }

  /** Whether the receiver reported an error that {@link #pollError} has not returned. */
  boolean hasNewError() {
    return false;
  }

  /** Starts receiving, if the source pushes. */
  abstract void start();

  /** Takes what arrived since the last call into the open interval; returns how many records. */
  abstract int drain();

  /** Whether records wait to be drained; any thread. */
  abstract boolean hasRecords();

  /** Whether the open interval holds drained records; only receivers gather them ahead. */
  abstract boolean hasOpenRecords();

  /**
   * Ends the open interval: returns the records of the batch at {@code batchTime}, which the engine
   * reads but never changes.
   *
   * @throws Exception when the source fails to deliver them
   */
  abstract List<?> seal(long batchTime) throws Exception;

  /**
   * The most records found waiting at one drain since the last call, which it resets: how full the
   * receiver's queue got; 0 for a source asked per batch.
   */
  abstract int takeQueuePeak();

  /**
   * The plan of the batch {@link #seal} just made, or {@code null} if this input does not plan:
   * only a replayable source with planning on does.
   */
  byte[] sealedPlan() {
    return null;
  }

  /**
   * The records of a batch logged in an earlier run, read again from {@code plan} ({@code null}
   * when the input had none): the same records for a replayable source, none otherwise.
   *
   * @throws Exception when the source fails to read them
   */
  List<?> replay(long batchTime, byte[] plan) throws Exception {
    return List.of();
  }

  /** The total time the source has waited for room (backpressure) so far, in nanoseconds. */
  abstract long blockedNanos();

  /** Asks the source to stop delivering; from now on it delivers nothing new. Idempotent. */
  abstract void stop();

  /** Whether the source has finished delivering (its receiving thread ended); any thread. */
  abstract boolean ended();

  /** What the source failed with, or {@code null}; meaningful once {@link #ended()}. */
  abstract Throwable failure();

  /** Drops the open interval and everything still queued; returns how many records that was. */
  abstract long discard();

  /** Whether {@code thread} is this input's receiving thread. */
  abstract boolean runsOn(Thread thread);

  /** Whether the source's thread, if it has one, is still running; any thread. */
  abstract boolean threadAlive();

  /** Waits up to {@code millis} for the source's thread to end, if it has one. */
  abstract void join(long millis) throws InterruptedException;
}
