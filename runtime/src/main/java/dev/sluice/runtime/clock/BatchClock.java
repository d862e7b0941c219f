package dev.sluice.runtime.clock;

/**
 * The time source that cuts batches: the wall clock in production, a {@link ManualClock} in tests.
 *
 * <p>Batch times follow Spark Streaming: the first batch of a pipeline started at {@code now} is at
 * {@code (floor(now / interval) + 1) * interval}, the batch at time {@code t} holds what arrived in
 * {@code (t - interval, t]}, and every later multiple of the interval is a batch.
 *
 * <p><b>Threads:</b> every method may be called from any thread. The pipeline's driver thread
 * sleeps for {@link #nanosUntil} unless a registered wake-up runs first, so a clock whose time can
 * jump (a manual clock) must run its wake-ups after each jump.
 */
public interface BatchClock {

  /** The current time in milliseconds. */
  long millis();

  /**
   * How long the driver may sleep before this clock reaches {@code timeMillis} if no wake-up runs:
   * zero when it already has, {@link Long#MAX_VALUE} for "until woken". The default suits clocks
   * that follow real time: the remaining milliseconds as nanoseconds.
   */
  default long nanosUntil(long timeMillis) {
    long remaining = timeMillis - millis();
    if (remaining <= 0) {
      return 0;
    }
    return remaining >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : remaining * 1_000_000;
  }

  /**
   * Whether the batch at {@code timeMillis} may be cut: the clock has reached that time. An {@link
   * #unpaced} clock has reached every time, so that batches follow each other as fast as they are
   * processed.
   */
  default boolean reached(long timeMillis) {
    return millis() >= timeMillis;
  }

  /**
   * Registers {@code wakeUp} to run after every jump of this clock. Clocks that only follow real
   * time never jump and ignore it.
   */
  default void addWakeUp(Runnable wakeUp) {}

  /** Removes a wake-up registered with {@link #addWakeUp}. */
  default void removeWakeUp(Runnable wakeUp) {}

  /** The wall clock. */
  static BatchClock system() {
    return System::currentTimeMillis;
  }

  /**
   * A clock that does not pace batches, for bounded runs: every batch time counts as reached, so
   * each batch is cut as soon as there is room for it, with no wall-clock waiting. Its time is
   * {@code base}'s, which sets the first batch time (and so the batch times) and the delays in the
   * metrics.
   */
  static BatchClock unpaced(BatchClock base) {
    return new UnpacedClock(base);
  }

  /** A clock that moves only when told to, starting at {@code startMillis}; for tests. */
  static ManualClock manual(long startMillis) {
    return new ManualClock(startMillis);
  }
}
