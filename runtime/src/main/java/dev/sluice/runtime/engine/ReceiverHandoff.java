package dev.sluice.runtime.engine;

import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverStoppedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReference;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The {@link Receiver} a receiver source stores into: a bounded SPSC queue from the receiving
 * thread to the driver.
 *
 * <p><b>Threads:</b> the receiving thread (bound with {@link #bind}) calls {@link #store}; the
 * driver calls {@link #drainTo}; any thread may {@link #stop}. <b>Progress:</b> {@code store} is
 * wait-free while the queue has room; when it is full the receiver spins, yields, then parks
 * ({@link Backoff}, {@link Parker}) until the driver drains and wakes it: backpressure, never a
 * drop. <b>Visibility:</b> the offer releases and the drain acquires, so a record and everything
 * written to it before {@code store} are visible to the driver. <b>Failure:</b> after {@code stop},
 * {@code store} throws {@link ReceiverStoppedException} and takes nothing, also when it was waiting
 * for room. <b>Allocation:</b> none; a wait is timed only when it happens. <b>Errors:</b> {@link
 * #reportError} from any thread swaps in the newest error with the running count (a CAS loop, no
 * lock) and wakes the driver, which takes it with {@link #lastError}.
 */
final class ReceiverHandoff implements Receiver<Object> {

  private static final VarHandle BLOCKED_NANOS;

  static {
    try {
      BLOCKED_NANOS =
          MethodHandles.lookup().findVarHandle(ReceiverHandoff.class, "blockedNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String description;
  private final SpscArrayQueue<Object> queue;
  private final Parker parker;
  private final Parker driver;
  private final Backoff backoff = new Backoff();
  private Thread receivingThread;
  private volatile boolean stopped;

  /**
   * The newest error reported, or {@code null}; kept, not queued, so that reports cost no memory.
   */
  private final AtomicReference<Reported> lastError = new AtomicReference<>();

  /**
   * An error a receiver reported.
   *
   * @param message its message, with the cause's
   * @param count how many errors were reported in all, this one included
   */
  record Reported(String message, long count) {}

  /** Total time {@code store} waited for room; written by the receiving thread only. */
  @SuppressWarnings("unused") // accessed through BLOCKED_NANOS
  private volatile long blockedNanos;

  /**
   * @param description names the input in messages, such as {@code input 'lines' of WordCount}
   * @param capacity how many records the queue holds before {@code store} waits
   * @param driver woken when the queue is full, so that it drains
   */
  ReceiverHandoff(String description, int capacity, Parker driver) {
    this.description = description;
    this.queue = new SpscArrayQueue<>(capacity);
    this.parker = new Parker(this::hasRoomOrStopped);
    this.driver = driver;
  }

  /** Sets the receiving thread, the only one allowed to store; call before starting it. */
  void bind(Thread thread) {
    receivingThread = thread;
    parker.bind(thread);
  }

  @Override
  public void store(Object record) {
    if (stopped) {
      throw stoppedException();
    }
    if (Thread.currentThread() != receivingThread) {
      throw new IllegalStateException(
          description
              + ": Receiver.store called from thread "
              + Thread.currentThread().getName()
              + "; only the thread running receive may store");
    }
    if (record == null) {
      throw new NullPointerException(
          description + ": Receiver.store(null); records are never null");
    }
    if (!queue.offer(record)) {
      waitForRoom(record);
    }
  }

  @Override
  public boolean isStopped() {
    return stopped;
  }

  @Override
  public void reportError(String message, Throwable cause) {
    String text = cause == null ? String.valueOf(message) : message + ": " + cause;
    lastError.updateAndGet(last -> new Reported(text, last == null ? 1 : last.count() + 1));
    driver.wake(); // published before the wake-up: the driver's ready check sees it
  }

  /** The newest error reported, or {@code null} if none; any thread. */
  Reported lastError() {
    return lastError.get();
  }

  /**
   * Driver only: moves every queued record to {@code consumer}, in order, and wakes the receiver if
   * it waits for room; returns how many.
   */
  int drainTo(MessagePassingQueue.Consumer<Object> consumer) {
    int drained = queue.drain(consumer);
    if (drained > 0) {
      parker.wake();
    }
    return drained;
  }

  /** Whether records wait in the queue; any thread. */
  boolean hasRecords() {
    return !queue.isEmpty();
  }

  /** Makes every later {@code store} throw and wakes a waiting one; any thread, idempotent. */
  void stop() {
    stopped = true;
    parker.wake();
  }

  /** The total time {@code store} has waited for room so far, in waits that ended. */
  long blockedNanos() {
    return (long) BLOCKED_NANOS.getAcquire(this);
  }

  private void waitForRoom(Object record) {
    long start = System.nanoTime();
    driver.wake(); // a full queue is non-empty: the driver's ready check sees it
    backoff.reset();
    try {
      while (!queue.offer(record)) {
        if (stopped) {
          throw stoppedException();
        }
        if (backoff.idle()) {
          parker.park(Long.MAX_VALUE);
        }
      }
    } finally {
      // single writer: a release store is enough for the driver's acquire read
      BLOCKED_NANOS.setRelease(this, (long) BLOCKED_NANOS.get(this) + (System.nanoTime() - start));
    }
  }

  private boolean hasRoomOrStopped() {
    return stopped || queue.size() < queue.capacity();
  }

  private ReceiverStoppedException stoppedException() {
    return new ReceiverStoppedException(description + " is stopped; the record was not taken");
  }
}
