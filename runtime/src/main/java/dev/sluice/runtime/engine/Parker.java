package dev.sluice.runtime.engine;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Parks one thread when it has nothing to do, and lets other threads wake it only when it is
 * parked, without lost wake-ups.
 *
 * <p>The protocol, a Dekker-style handshake on two variables:
 *
 * <ul>
 *   <li>Owner: write {@code parked = true}; full fence; re-check {@code ready}; park only if it is
 *       still false; write {@code parked = false}.
 *   <li>Waker: publish the work (a queue offer, a volatile flag); full fence; read {@code parked};
 *       unpark the owner if it is set.
 * </ul>
 *
 * <p>Both sides write, fence, then read, so at least one of them sees the other's write: either the
 * waker sees {@code parked} and unparks (a permit that makes the coming {@code park} return at once
 * if the owner has not parked yet), or the owner's re-check sees the work and does not park. The
 * fences matter because queue offers are release stores, which a later load could otherwise
 * overtake. A spurious or redundant unpark costs the owner one extra loop, never correctness, so
 * the owner always re-checks its work after {@link #park} returns.
 *
 * <p><b>Threads:</b> {@link #park} only on the owner thread, bound before it starts; {@link #wake}
 * from any thread. <b>Progress:</b> {@code wake} is wait-free (one fence, one read, at most one
 * unpark). <b>Allocation:</b> none.
 */
final class Parker {

  private final BooleanSupplier ready;
  private volatile Thread owner;
  private volatile boolean parked;

  /**
   * @param ready whether the owner has work; read by the owner after announcing that it parks, so
   *     it must cover everything a waker may publish before calling {@link #wake}
   */
  Parker(BooleanSupplier ready) {
    this.ready = ready;
  }

  /** Sets the thread that parks; call before starting it, so that no wake-up can miss it. */
  void bind(Thread thread) {
    owner = thread;
  }

  /**
   * Owner only: parks for at most {@code nanos} ({@link Long#MAX_VALUE} for no limit) unless {@code
   * ready} holds after announcing. May return early, spuriously or on interrupt.
   */
  void park(long nanos) {
    parked = true;
    VarHandle.fullFence(); // the announcement before the re-check: see the class comment
    if (!ready.getAsBoolean()) {
      if (nanos == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else if (nanos > 0) {
        LockSupport.parkNanos(this, nanos);
      }
    }
    parked = false;
  }

  /** Any thread, after publishing work: unparks the owner if it is parked or about to park. */
  void wake() {
    VarHandle.fullFence(); // the published work before reading parked: see the class comment
    if (parked) {
      LockSupport.unpark(owner);
    }
  }
}
