package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchSubmitted;

/**
 * One batch as the monitor knows it, from its submission on. Immutable: each event makes a new
 * record, so readers may keep one while the driver moves on.
 *
 * @param submitted what it was sealed with
 * @param startTime the clock's time its processing started, in ms; -1 while it waits
 * @param completed its metrics once completed, else {@code null}
 * @param error why it failed, else {@code null}
 */
public record BatchRecord(
    BatchSubmitted submitted, long startTime, BatchInfo completed, String error) {

  /** Where a batch is. */
  public enum Status {
    /** Sealed, waiting for the batch before it. */
    QUEUED,
    /** Its tasks run. */
    PROCESSING,
    /** Every output was written. */
    COMPLETED,
    /** It failed, and so did the pipeline. */
    FAILED
  }

  /** A batch just submitted. */
  static BatchRecord of(BatchSubmitted submitted) {
    return new BatchRecord(submitted, -1, null, null);
  }

  /** The batch time in ms. */
  public long batchTime() {
    return submitted.batchTime();
  }

  /** Its records over all inputs. */
  public long records() {
    return submitted.records();
  }

  /** Where it is. */
  public Status status() {
    if (error != null) {
      return Status.FAILED;
    }
    if (completed != null) {
      return Status.COMPLETED;
    }
    return startTime < 0 ? Status.QUEUED : Status.PROCESSING;
  }

  BatchRecord started(long time) {
    return new BatchRecord(submitted, time, completed, error);
  }

  BatchRecord completed(BatchInfo info) {
    return new BatchRecord(submitted, startTime, info, error);
  }

  BatchRecord failed(String why) {
    return new BatchRecord(submitted, startTime, completed, why);
  }
}
