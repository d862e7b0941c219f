package dev.sluice.runtime.engine;

import java.util.List;

/**
 * A batch whose interval has ended, waiting to be processed: its time and each input's records.
 *
 * <p><b>Threads:</b> made and read by the driver; workers read the record lists through
 * {@link BatchRun}. Immutable: nothing changes after sealing.
 */
final class SealedBatch {

  private final long time;
  private final long index;
  private final List<List<?>> inputs;
  private final long[] blockedNanos;
  private final long records;

  /**
   * @param time the batch time in ms
   * @param index the batch's index since start, 0 for the first
   * @param inputs each input's records, in input order; not copied
   * @param blockedNanos each input's backpressure while the batch was collected; not copied
   */
  SealedBatch(long time, long index, List<List<?>> inputs, long[] blockedNanos) {
    this.time = time;
    this.index = index;
    this.inputs = inputs;
    this.blockedNanos = blockedNanos;
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

  /** The number of records over all inputs. */
  long records() {
    return records;
  }
}
