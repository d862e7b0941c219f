package dev.sluice.runtime.clock;

import java.time.Duration;

/** A clock that moves only when a test advances it. STUB: the engine fills this in. */
public final class ManualClock implements BatchClock {

  private volatile long millis;

  ManualClock(long startMillis) {
    this.millis = startMillis;
  }

  @Override
  public long millis() {
    return millis;
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    millis += duration.toMillis();
  }
}
