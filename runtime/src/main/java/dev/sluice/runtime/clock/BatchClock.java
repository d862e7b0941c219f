package dev.sluice.runtime.clock;

/** STUB: the engine fills this in. */
public interface BatchClock {

  /** The current time in milliseconds. */
  long millis();

  /** The wall clock. */
  static BatchClock system() {
    return System::currentTimeMillis;
  }
}
