package dev.sluice.runtime.internal.window;

/**
 * A window's length and slide, counted in batches, and the batches it covers, by Spark's rules.
 *
 * <p>Batch indices count from 0, the first batch after start (see {@link
 * dev.sluice.runtime.internal.TaskContext#batchIndex()}). Spark's zero time is one interval before
 * batch 0, so a window is emitted at batch {@code i} when {@code (i + 1) % slide == 0} (slide 2
 * emits at 1, 3, 5, ...), and the window emitted at {@code i} covers batches {@code max(0, i -
 * length + 1) .. i}: windows at the start are partial and are still emitted.
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

  /**
   * The spec of stage {@code stage} of pipeline {@code pipeline}, whose window and slide are given
   * in milliseconds, for batches of {@code intervalMillis}: generated builders call it when the
   * program is created, so a batch interval set at run time that does not divide the window fails
   * {@code build()} with a message naming the stage. A {@link WindowRecording} running on this
   * thread keeps the spec.
   *
   * @throws IllegalArgumentException if the window or slide is not a positive multiple of the
   *     interval
   */
  public static WindowSpec of(
      String pipeline, String stage, long windowMillis, long slideMillis, long intervalMillis) {
    if (windowMillis <= 0
        || slideMillis <= 0
        || windowMillis % intervalMillis != 0
        || slideMillis % intervalMillis != 0) {
      throw new IllegalArgumentException(
          "pipeline "
              + pipeline
              + ", stage '"
              + stage
              + "': window "
              + windowMillis
              + " ms and slide "
              + slideMillis
              + " ms must be multiples of the batch interval, "
              + intervalMillis
              + " ms");
    }
    WindowSpec spec =
        new WindowSpec(
            Math.toIntExact(windowMillis / intervalMillis),
            Math.toIntExact(slideMillis / intervalMillis));
    WindowRecording.made(spec);
    return spec;
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
