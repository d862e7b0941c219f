package dev.sluice.processor.model;

/**
 * The timeout of a {@code @MapWithState} stage, as validation checked it.
 *
 * @param timeoutMillis the idle timeout in milliseconds, 0 for none
 * @param fullScanBatches every how many batches idle keys are looked for (Spark's full scans)
 */
public record StateTimeout(long timeoutMillis, int fullScanBatches) {

  /** Checks the values are in range. */
  public StateTimeout {
    if (timeoutMillis < 0 || fullScanBatches < 1) {
      throw new IllegalArgumentException(
          "bad state timeout: " + timeoutMillis + " ms, every " + fullScanBatches);
    }
  }
}
