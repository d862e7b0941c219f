package dev.sluice.api;

import java.util.Optional;

/**
 * The state of one key, as a {@code mapWithState} function sees it during one call: Spark
 * Streaming's {@code State}, with the same methods and the same rules.
 *
 * <p>The handle is valid only during the call it was passed to (the runtime reuses it for the next
 * record); do not keep it. Changes take effect when the call returns: the next record of the same
 * key, in the same batch or a later one, sees them.
 *
 * <p>When a {@code mapWithState} stage has an idle timeout, a key whose state was not touched for
 * longer than the timeout gets one last call with no value, where {@link #isTimingOut()} is true;
 * its state is removed after that call. Like Spark, timeouts are looked for only every tenth batch
 * by default (Spark's full-scan batches), so a key may outlive its timeout by up to nine batches.
 *
 * @param <S> the type of the state
 */
public interface State<S> {

  /** Whether the key has state: Spark's {@code State.exists()}. */
  boolean exists();

  /**
   * The state: Spark's {@code State.get()}.
   *
   * @throws java.util.NoSuchElementException {@code State is not set} when there is none
   */
  S get();

  /**
   * Sets the state, which then exists: Spark's {@code State.update(newState)}.
   *
   * @throws IllegalArgumentException {@code requirement failed: Cannot update the state after it
   *     has been removed} after {@link #remove()} in the same call, and {@code requirement failed:
   *     Cannot update the state that is timing out} when {@link #isTimingOut()}
   */
  void update(S newState);

  /**
   * Removes the state: Spark's {@code State.remove()}.
   *
   * @throws IllegalArgumentException {@code requirement failed: Cannot remove the state that is
   *     timing out} when {@link #isTimingOut()}, and {@code requirement failed: Cannot remove the
   *     state that has already been removed} when called twice in one call
   */
  void remove();

  /**
   * Whether this is the key's last call because it was idle for longer than the timeout: Spark's
   * {@code State.isTimingOut()}. Such a call has no value, and the state is removed after it.
   */
  boolean isTimingOut();

  /**
   * The state if there is one: Spark's {@code State.getOption()}. A {@code null} state (allowed, as
   * in Spark) gives {@link Optional#empty()} here, since {@code Optional} cannot hold it.
   */
  default Optional<S> getOption() {
    return exists() ? Optional.ofNullable(get()) : Optional.empty();
  }
}
