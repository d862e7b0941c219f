package dev.sluice.runtime.engine;

/**
 * How an idle engine thread waits before it parks: spin a little (work usually arrives within
 * microseconds between the segments of a batch), then yield (the machine may have fewer cores than
 * threads), then tell the caller to park.
 *
 * <p><b>Threads:</b> owned by one thread; not thread-safe. <b>Allocation:</b> none.
 */
final class Backoff {

  /** Spins of about 10-100 ns each: covers the driver's turnaround between two segments. */
  static final int SPINS = 200;

  /** Yields before parking: lets the other threads of a busy machine run first. */
  static final int YIELDS = 20;

  private int idleRounds;

  /**
   * Waits one round: spins or yields and returns {@code false}, or returns {@code true} once
   * spinning and yielding are used up and the caller should park.
   */
  boolean idle() {
    int round = idleRounds;
    if (round < SPINS) {
      idleRounds = round + 1;
      Thread.onSpinWait();
      return false;
    }
    if (round < SPINS + YIELDS) {
      idleRounds = round + 1;
      Thread.yield();
      return false;
    }
    return true;
  }

  /** Starts over with spinning: call after doing some work. */
  void reset() {
    idleRounds = 0;
  }
}
