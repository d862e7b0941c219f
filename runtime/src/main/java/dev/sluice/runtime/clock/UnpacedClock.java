package dev.sluice.runtime.clock;

/**
 * A clock that has reached every batch time: batches are cut back to back, as fast as the pipeline
 * processes them (at most the engine's bound of sealed batches waits). Its time is the base
 * clock's.
 *
 * <p><b>Threads:</b> as the base clock; this adds no state.
 */
final class UnpacedClock implements BatchClock {

  private final BatchClock base;

  UnpacedClock(BatchClock base) {
    this.base = base;
  }

  @Override
  public long millis() {
    return base.millis();
  }

  @Override
  public boolean reached(long timeMillis) {
    return true;
  }

  @Override
  public long nanosUntil(long timeMillis) {
    return 0;
  }

  @Override
  public String toString() {
    return "unpaced " + base;
  }
}
