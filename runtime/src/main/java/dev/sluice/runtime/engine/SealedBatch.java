package dev.sluice.runtime.engine;

import java.util.List;

/**
 * A batch whose interval has ended, waiting to be processed: its time and each input's records.
 *
 * <p><b>Threads:</b> made and read by the driver; workers read the record lists through {@link
 * BatchRun}. Immutable: nothing changes after sealing.
 */
final class SealedBatch {

  private final long time;
  private final long index;
  private final List<List<?>> inputs;
  private final long[] blockedNanos;
  private final List<byte[]> plans;
  private final boolean replayed;
  private final long records;

  /**
   * @param time the batch time in ms
   * @param index the batch's index since start, 0 for the first
   * @param inputs each input's records, in input order; not copied
   * @param blockedNanos each input's backpressure while the batch was collected; not copied
   * @param plans each input's plan, {@code null} for an input that did not plan (no checkpoint, or
   *     a source that cannot replay); not copied
   * @param replayed whether this is a committed batch run again after a restart, to rebuild the
   *     state its outputs came from: its outputs were written already and are not written again
   */
  SealedBatch(
      long time,
      long index,
      List<List<?>> inputs,
      long[] blockedNanos,
      List<byte[]> plans,
      boolean replayed) {
    this.time = time;
    this.index = index;
    this.inputs = inputs;
    this.blockedNanos = blockedNanos;
    this.plans = plans;
    this.replayed = replayed;
    long records = 0;
    for (List<?> input : inputs) {
      records += input.size();
    }
    this.records = records;
  }

  /** The batch time in ms. */
  long time() {
    return time;
  }

  /** The batch's index since start, 0 for the first. */
  long index() {
    return index;
  }

  /** Each input's records, in input order. */
  List<List<?>> inputs() {
    return inputs;
  }

  /** How long input {@code input}'s receiver waited for room while the batch was collected. */
  long blockedNanos(int input) {
    return blockedNanos[input];
  }

  /** Each input's plan, {@code null} where the input did not plan. */
  List<byte[]> plans() {
    return plans;
  }

  /** Whether this batch committed in an earlier run: its outputs are not written again. */
  boolean replayed() {
    return replayed;
  }

  /** The number of records over all inputs. */
  long records() {
    return records;
  }
}
