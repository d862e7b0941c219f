package dev.sluice.runtime.clock;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test moves it, so that batches are cut exactly where the test
 * says. Moving it wakes the pipelines that use it at once: a test never waits for a poll period.
 *
 * <p><b>Threads:</b> any thread may read, advance or set the clock, concurrently. <b>Progress:</b>
 * reading is wait-free; moving is lock-free and then runs the registered wake-ups on the moving
 * thread. <b>Visibility:</b> everything a thread did before moving the clock happens-before a
 * reader observing the new time, so records stored before {@code advance} land in the batch it
 * closes. Time never goes backwards.
 */
public final class ManualClock implements BatchClock {

  private final AtomicLong millis;
  private final CopyOnWriteArrayList<Runnable> wakeUps = new CopyOnWriteArrayList<>();

  ManualClock(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  @Override
  public long millis() {
    return millis.get();
  }

  /**
   * Moves the clock forward by {@code duration}, truncated to whole milliseconds.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a manual clock cannot go back, advanced by " + duration);
    }
    millis.addAndGet(duration.toMillis());
    wakeAll();
  }

  /**
   * Moves the clock to {@code timeMillis}.
   *
   * @throws IllegalArgumentException if that is earlier than the current time
   */
  public void setMillis(long timeMillis) {
    long current;
    do {
      current = millis.get();
      if (timeMillis < current) {
        throw new IllegalArgumentException(
            "a manual clock cannot go back, from " + current + " to " + timeMillis);
      }
    } while (!millis.compareAndSet(current, timeMillis));
    wakeAll();
  }

  /** Zero once the time is reached, otherwise "until woken": only a move can reach it. */
  @Override
  public long nanosUntil(long timeMillis) {
    return millis.get() >= timeMillis ? 0 : Long.MAX_VALUE;
  }

  @Override
  public void addWakeUp(Runnable wakeUp) {
    wakeUps.add(wakeUp);
  }

  @Override
  public void removeWakeUp(Runnable wakeUp) {
    wakeUps.remove(wakeUp);
  }

  @Override
  public String toString() {
    return "ManualClock[" + millis.get() + "]";
  }

  private void wakeAll() {
    for (Runnable wakeUp : wakeUps) {
      wakeUp.run();
    }
  }
}
