package dev.sluice.runtime.clock;

/**
 * The time source that cuts batches. STUB: the engine fills this in (a wake-up for manual
 * clocks, whatever the driver needs); {@code millis()}, {@code system()} and {@code manual(long)}
 * are the contract.
 */
public interface BatchClock {

  /** The current time in milliseconds. */
  long millis();

  /** The wall clock. */
  static BatchClock system() {
    return System::currentTimeMillis;
  }

  /** A clock that moves only when told to, starting at {@code startMillis}; for tests. */
  static ManualClock manual(long startMillis) {
    return new ManualClock(startMillis);
  }
}
