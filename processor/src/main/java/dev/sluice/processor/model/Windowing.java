package dev.sluice.processor.model;

import java.util.Optional;

/**
 * The window of a windowed stage, as declared: its length and slide in milliseconds (checked
 * against the batch interval when the program is built), and the optional functions of an
 * incremental reduce.
 *
 * @param windowMillis the window length
 * @param slideMillis the slide, or 0 when the annotation leaves it empty: every batch, whatever the
 *     interval
 * @param inverse the inverse function of an incremental reduce
 * @param filter the filter function of an incremental reduce by key
 */
public record Windowing(
    long windowMillis,
    long slideMillis,
    Optional<UserMethod> inverse,
    Optional<UserMethod> filter) {

  /** Checks the durations are positive. */
  public Windowing {
    if (windowMillis <= 0 || slideMillis < 0) {
      throw new IllegalArgumentException(
          "window and slide must be positive: " + windowMillis + ", " + slideMillis);
    }
    if (filter.isPresent() && inverse.isEmpty()) {
      throw new IllegalArgumentException("a filter needs an inverse");
    }
  }

  /** Whether the window is kept incrementally, with an inverse function. */
  public boolean incremental() {
    return inverse.isPresent();
  }
}
