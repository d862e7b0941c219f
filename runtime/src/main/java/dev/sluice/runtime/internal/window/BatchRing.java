package dev.sluice.runtime.internal.window;

/**
 * The bookkeeping of a ring of per-batch slots: which slot holds which batch, and which slots a new
 * batch clears. Batches arrive in increasing index order, each at most once; a batch that was never
 * opened (no records reached this partition) simply leaves its slot cleared.
 *
 * <p><b>Threads:</b> as its owner, one task at a time.
 */
final class BatchRing {

  /** Called for each slot that a batch index moves past, so its owner can empty it. */
  interface SlotClearer {
    void clear(int slot);
  }

  private final int size;
  private long lastBatch = -1;

  BatchRing(int size) {
    this.size = size;
  }

  /**
   * Moves to batch {@code batchIndex}, clearing the slots of the batches skipped over and of {@code
   * batchIndex} itself; nothing when already there.
   *
   * @throws IllegalStateException if {@code batchIndex} is before the last batch
   */
  void advance(long batchIndex, SlotClearer clearer) {
    if (batchIndex == lastBatch) {
      return;
    }
    if (batchIndex < lastBatch) {
      throw new IllegalStateException(
          "batch " + batchIndex + " comes after batch " + lastBatch + " in a window");
    }
    long from = Math.max(lastBatch + 1, batchIndex - size + 1);
    for (long b = from; b <= batchIndex; b++) {
      clearer.clear(slot(b));
    }
    lastBatch = batchIndex;
  }

  /** The last batch moved to, or -1 before the first. */
  long lastBatch() {
    return lastBatch;
  }

  /** Whether the ring holds the slot of batch {@code batchIndex}: one of its last batches. */
  boolean holds(long batchIndex) {
    return batchIndex >= 0 && batchIndex <= lastBatch && batchIndex > lastBatch - size;
  }

  /**
   * Moves a new ring to batch {@code batchIndex} without clearing anything, when a snapshot is
   * restored into slots that are still empty.
   *
   * @throws IllegalStateException if the ring has moved already
   */
  void restore(long batchIndex) {
    if (lastBatch != -1) {
      throw new IllegalStateException("a window can only be restored before its first batch");
    }
    lastBatch = batchIndex;
  }

  /** The slot of batch {@code batchIndex}. */
  int slot(long batchIndex) {
    return (int) (batchIndex % size);
  }
}
