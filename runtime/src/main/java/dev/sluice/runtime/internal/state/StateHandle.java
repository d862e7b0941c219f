package dev.sluice.runtime.internal.state;

import dev.sluice.api.State;
import java.util.NoSuchElementException;

/**
 * The {@link State} passed to a {@code mapWithState} function: one reusable handle per store,
 * rewrapped for every call, with Spark's flags and checks. The store reads back what the call did
 * ({@link #removed()}, {@link #updated()}).
 *
 * <p><b>Threads:</b> as its store, one task at a time.
 *
 * @param <S> the state type
 */
final class StateHandle<S> implements State<S> {

  private S state;
  private boolean defined;
  private boolean timingOut;
  private boolean updated;
  private boolean removed;

  /** Wraps a key's state for a call with a value; {@code defined} says whether there is one. */
  void wrap(boolean defined, S state) {
    this.state = defined ? state : null;
    this.defined = defined;
    this.timingOut = false;
    this.updated = false;
    this.removed = false;
  }

  /** Wraps the state of a key that is timing out, for its last call. */
  void wrapTimingOut(S state) {
    this.state = state;
    this.defined = true;
    this.timingOut = true;
    this.updated = false;
    this.removed = false;
  }

  /** Drops the reference to the last state, so the handle keeps nothing alive. */
  void release() {
    state = null;
  }

  boolean updated() {
    return updated;
  }

  boolean removed() {
    return removed;
  }

  @Override
  public boolean exists() {
    return defined;
  }

  @Override
  public S get() {
    if (!defined) {
      throw new NoSuchElementException("State is not set");
    }
    return state;
  }

  @Override
  public void update(S newState) {
    require(!removed, "Cannot update the state after it has been removed");
    require(!timingOut, "Cannot update the state that is timing out");
    state = newState;
    defined = true;
    updated = true;
  }

  @Override
  public void remove() {
    require(!timingOut, "Cannot remove the state that is timing out");
    require(!removed, "Cannot remove the state that has already been removed");
    state = null;
    defined = false;
    updated = false;
    removed = true;
  }

  @Override
  public boolean isTimingOut() {
    return timingOut;
  }

  /** Like Spark's: the state's {@code toString}, or {@code <state not set>}. */
  @Override
  public String toString() {
    return defined ? String.valueOf(state) : "<state not set>";
  }

  /** Spark's {@code require}: the same exception and message prefix. */
  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("requirement failed: " + message);
    }
  }
}
