package dev.sluice.runtime.engine;

import dev.sluice.api.ReceiverSource;
import java.util.ArrayList;
import java.util.List;
import org.jctools.queues.MessagePassingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input whose {@link ReceiverSource} pushes records from a thread of its own through a
 * {@link ReceiverHandoff}; the driver drains them into the open interval's list.
 *
 * <p><b>Threads:</b> the receiving thread {@code sluice-<pipeline>-receiver-<input>} runs
 * {@link ReceiverSource#receive}; the driver calls the rest. <b>Visibility:</b> the receiving
 * thread writes {@code failure} before the volatile {@code ended}, so a driver that sees the input
 * ended sees why. <b>Allocation:</b> draining adds to an {@code ArrayList} presized from the last
 * batch, so a steady input does not regrow it.
 */
final class ReceiverFeed extends InputFeed implements MessagePassingQueue.Consumer<Object> {

  private static final Logger log = LoggerFactory.getLogger(ReceiverFeed.class);

  /** The largest presize of an interval's list, so that one burst does not pin memory. */
  private static final int MAX_PRESIZE = 1 << 20;

  private final String pipeline;
  private final ReceiverSource<Object> source;
  private final ReceiverHandoff handoff;
  private final Parker driver;
  private final Thread thread;
  private ArrayList<Object> open = new ArrayList<>();
  private Throwable failure;
  private volatile boolean ended;
  private int queuePeak;

  @SuppressWarnings("unchecked") // records only travel on as Object; the program casts them back
  ReceiverFeed(
      String pipeline, String name, ReceiverSource<?> source, int capacity, Parker driver) {
    super(name);
    this.pipeline = pipeline;
    this.source = (ReceiverSource<Object>) source;
    this.driver = driver;
    this.handoff =
        new ReceiverHandoff("input '" + name + "' of " + pipeline, capacity, driver);
    this.thread = new Thread(this::receive, "sluice-" + pipeline + "-receiver-" + name);
    thread.setDaemon(true); // a receive that ignores stop must not keep the JVM alive
    handoff.bind(thread);
  }

  @Override
  void start() {
    thread.start();
  }

  @Override
  int drain() {
    int drained = handoff.drainTo(this);
    if (drained > queuePeak) {
      queuePeak = drained;
    }
    return drained;
  }

  @Override
  int takeQueuePeak() {
    int peak = queuePeak;
    queuePeak = 0;
    return peak;
  }

  /** Adds one drained record to the open interval. */
  @Override
  public void accept(Object record) {
    open.add(record);
  }

  @Override
  boolean hasRecords() {
    return handoff.hasRecords();
  }

  @Override
  boolean hasOpenRecords() {
    return !open.isEmpty();
  }

  @Override
  List<?> seal(long batchTime) {
    drain();
    if (open.isEmpty()) {
      return List.of();
    }
    ArrayList<Object> records = open;
    open = new ArrayList<>(Math.min(records.size(), MAX_PRESIZE));
    return records;
  }

  @Override
  long blockedNanos() {
    return handoff.blockedNanos();
  }

  @Override
  void stop() {
    if (handoff.isStopped()) {
      return;
    }
    handoff.stop();
    try {
      source.stop();
    } catch (Throwable e) { // a failing stop must not keep the others from stopping
      log.warn("Stopping input '{}' of {} failed", name(), pipeline, e);
    }
    thread.interrupt();
  }

  @Override
  boolean ended() {
    return ended;
  }

  @Override
  Throwable failure() {
    return failure;
  }

  @Override
  long discard() {
    drain();
    long dropped = open.size();
    open = new ArrayList<>();
    return dropped;
  }

  @Override
  boolean runsOn(Thread thread) {
    return this.thread == thread;
  }

  @Override
  void join(long millis) throws InterruptedException {
    thread.join(millis);
  }

  private void receive() {
    try {
      source.receive(handoff);
      if (!handoff.isStopped()) {
        log.info("Input '{}' of {} ended; its next batches are empty", name(), pipeline);
      }
    } catch (Throwable e) {
      if (handoff.isStopped()) {
        log.debug("Input '{}' of {} ended on stop with {}", name(), pipeline, e.toString());
      } else {
        failure = e;
      }
    } finally {
      ended = true;
      driver.wake();
    }
  }
}
