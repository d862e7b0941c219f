package dev.sluice.runtime.engine;

import org.jctools.queues.SpscArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread of a pipeline and its task queue: runs the tasks the driver hands it, in the
 * order handed.
 *
 * <p><b>Threads:</b> the driver (one thread) calls {@link #submit}, {@link #signal} and {@link
 * #shutdown}; the worker thread runs the tasks. <b>Progress:</b> submitting is wait-free (an SPSC
 * offer); the worker spins, yields, then parks when idle ({@link Backoff}), and {@link #signal}
 * unparks it only when it parks ({@link Parker}), so a burst of tasks costs at most one unpark.
 * <b>Visibility:</b> the queue offer is a release and the poll an acquire, so whatever the driver
 * wrote before {@code submit} happens-before the task runs. <b>Backpressure:</b> the driver never
 * has more tasks outstanding than it sized the queue for; a full queue is a bug and {@code submit}
 * throws. <b>Failure:</b> tasks report their own failures; one that still throws is logged and the
 * worker carries on. <b>Allocation:</b> none per task.
 */
final class Worker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final SpscArrayQueue<Runnable> tasks;
  private final Parker parker;
  private final Thread thread;
  private volatile boolean shutdown;

  /** A worker whose thread is called {@code threadName}, for up to {@code capacity} tasks. */
  Worker(String threadName, int capacity) {
    this.tasks = new SpscArrayQueue<>(capacity);
    this.parker = new Parker(this::hasWork);
    this.thread = new Thread(this, threadName);
    parker.bind(thread);
  }

  /** Starts the worker thread. */
  void start() {
    thread.start();
  }

  /**
   * Driver only: queues {@code task}; call {@link #signal} after a round of submits.
   *
   * @throws IllegalStateException if the queue is full, which the driver's sizing rules out
   */
  void submit(Runnable task) {
    if (!tasks.offer(task)) {
      throw new IllegalStateException(thread.getName() + ": task queue full");
    }
  }

  /** Driver only: wakes the worker if it parked; call after submitting. */
  void signal() {
    parker.wake();
  }

  /** Asks the worker to end once its queue is empty. */
  void shutdown() {
    shutdown = true;
    parker.wake();
  }

  /** Waits for the worker thread to end. */
  void join() throws InterruptedException {
    thread.join();
  }

  /** The worker's thread. */
  Thread thread() {
    return thread;
  }

  @Override
  public void run() {
    SpscArrayQueue<Runnable> tasks = this.tasks;
    Backoff backoff = new Backoff();
    while (true) {
      Runnable task = tasks.poll();
      if (task != null) {
        runSafely(task);
        backoff.reset();
      } else if (shutdown) {
        return;
      } else if (backoff.idle()) {
        Thread.interrupted(); // an interrupt must not turn parking into spinning
        parker.park(Long.MAX_VALUE);
      }
    }
  }

  private boolean hasWork() {
    return shutdown || !tasks.isEmpty();
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) { // engine tasks catch their own failures; this is a bug, keep serving
      log.error("{}: task {} threw", thread.getName(), task, e);
    }
  }
}
