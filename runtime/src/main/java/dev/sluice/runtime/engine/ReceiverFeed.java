package dev.sluice.runtime.engine;

import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.checkpoint.ReceivedLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jctools.queues.MessagePassingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input whose {@link ReceiverSource} pushes records from a thread of its own through a {@link
 * ReceiverHandoff}; the driver drains them into the open interval's list.
 *
 * <p><b>Threads:</b> the receiving thread {@code sluice-<pipeline>-receiver-<input>} runs {@link
 * ReceiverSource#receive}; the driver calls the rest. <b>Visibility:</b> the receiving thread
 * writes {@code failure} before the volatile {@code ended}, so a driver that sees the input ended
 * sees why. <b>Allocation:</b> draining adds to an {@code ArrayList} presized from the last batch,
 * so a steady input does not regrow it.
 *
 * <p><b>Write-ahead log:</b> with one, every drained group of records is appended to it before it
 * joins the open interval, the log is forced before the plan of the batch holding them is logged,
 * and the batch's plan is the range of record numbers it holds; after a restart the batches are
 * read back from the log, and the records logged after the last planned batch join the first new
 * batch. A failure to write the log fails the pipeline.
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

  /** The write-ahead log, or {@code null}. */
  private final ReceivedLog<Object> wal;

  /** With a log: the number of the open interval's first record. */
  private long openFrom;

  private int sealedCount;
  private Throwable failure;
  private volatile boolean ended;
  private int queuePeak;
  private long errorsPolled;

  /**
   * @param wal the input's write-ahead log, or {@code null} for none
   */
  @SuppressWarnings("unchecked") // records only travel on as Object; the program casts them back
  ReceiverFeed(
      String pipeline,
      String name,
      ReceiverSource<?> source,
      int capacity,
      Parker driver,
      ReceivedLog<?> wal) {
    super(name);
    this.wal = (ReceivedLog<Object>) wal;
    this.pipeline = pipeline;
    this.source = (ReceiverSource<Object>) source;
    this.driver = driver;
    this.handoff = new ReceiverHandoff("input '" + name + "' of " + pipeline, capacity, driver);
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
    if (wal != null && drained > 0) {
      try {
        wal.append(open.subList(open.size() - drained, open.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the write-ahead log of input '" + name() + "'", e);
      }
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
    sealedCount = records.size();
    open = new ArrayList<>(Math.min(records.size(), MAX_PRESIZE));
    return records;
  }

  /**
   * With a log: the range of record numbers the batch holds. The batch log's writer forces the log
   * before it writes the plan.
   */
  @Override
  byte[] sealedPlan() {
    if (wal == null) {
      return null;
    }
    byte[] plan = ByteBuffer.allocate(16).putLong(openFrom).putLong(openFrom + sealedCount).array();
    openFrom += sealedCount;
    sealedCount = 0;
    return plan;
  }

  @Override
  List<?> replay(long batchTime, byte[] plan) throws IOException {
    if (wal == null || plan == null) {
      return List.of();
    }
    ByteBuffer range = ByteBuffer.wrap(plan);
    return wal.read(range.getLong(), range.getLong());
  }

  /**
   * After a restart: the records logged after {@code lastPlan} (the range of the last planned
   * batch, or {@code null} if none) were taken from the receiver and never batched; they join the
   * open interval.
   */
  void resume(byte[] lastPlan) throws IOException {
    if (wal == null) {
      return;
    }
    long batched = lastPlan == null ? 0 : endOf(lastPlan);
    openFrom = batched;
    open.addAll(wal.read(batched, wal.next()));
  }

  /** The number of the first record after the batch of {@code plan}: the end of its range. */
  static long endOf(byte[] plan) {
    return ByteBuffer.wrap(plan).getLong(Long.BYTES);
  }

  /** Whether the input's records can be read again after a crash: it has a write-ahead log. */
  boolean replayable() {
    return wal != null;
  }

  /** The write-ahead log, or {@code null}. */
  ReceivedLog<?> writeAheadLog() {
    return wal;
  }

  /** Forces and closes the write-ahead log, if any. */
  void closeLog() throws IOException {
    if (wal != null) {
      wal.close();
    }
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
  ReceiverHandoff.Reported pollError() {
    ReceiverHandoff.Reported last = handoff.lastError();
    if (last == null || last.count() == errorsPolled) {
      return null;
    }
    errorsPolled = last.count();
    return last;
  }

  @Override
  boolean hasNewError() {
    ReceiverHandoff.Reported last = handoff.lastError();
    return last != null && last.count() != errorsPolled;
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
    return wal == null ? dropped : 0; // logged records are not lost: the next start batches them
  }

  @Override
  boolean runsOn(Thread thread) {
    return this.thread == thread;
  }

  @Override
  boolean threadAlive() {
    return thread.isAlive();
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
