package dev.sluice.runtime.internal.window;

/**
 * A window's length and slide, counted in batches, and the batches it covers, by Spark's rules.
 *
 * <p>Batch indices count from 0, the first batch after start (see
 * {@link dev.sluice.runtime.internal.TaskContext#batchIndex()}). Spark's zero time is one interval
 * before batch 0, so a window is emitted at batch {@code i} when {@code (i + 1) % slide == 0}
 * (slide 2 emits at 1, 3, 5, ...), and the window emitted at {@code i} covers batches
 * {@code max(0, i - length + 1) .. i}: windows at the start are partial and are still emitted.
 *
 * @param length the window length in batches, at least 1
 * @param slide the slide in batches, at least 1
 */
public record WindowSpec(int length, int slide) {

  /** Checks that length and slide are at least one batch. */
  public WindowSpec {
    if (length < 1 || slide < 1) {
      throw new IllegalArgumentException(
          "window length and slide must be at least 1 batch, not " + length + " and " + slide);
    }
  }

  /** Whether a window is emitted at batch {@code batchIndex}. */
  public boolean emitsAt(long batchIndex) {
    return (batchIndex + 1) % slide == 0;
  }

  /** The oldest batch of the window emitted at {@code batchIndex}. */
  public long firstBatch(long batchIndex) {
    return Math.max(0, batchIndex - length + 1);
  }
}
