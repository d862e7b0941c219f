package dev.sluice.runtime.engine;

import dev.sluice.runtime.checkpoint.BatchLog;
import dev.sluice.runtime.checkpoint.BatchPlan;
import dev.sluice.runtime.checkpoint.ReceivedLog;
import dev.sluice.runtime.checkpoint.SnapshotFiles;
import dev.sluice.runtime.checkpoint.StateSnapshot;
import dev.sluice.runtime.metrics.CheckpointInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * Writes the batch log on a thread of its own, {@code sluice-<pipeline>-log}, so that forcing a
 * batch's plan to disk overlaps with running the batch: the driver hands over each plan when it
 * seals the batch, the batch's segments run meanwhile, and only its outputs wait until the plan is
 * durable ({@link #planDurable}). For each plan the writer first forces the receivers' write-ahead
 * logs, which hold the batch's records, then appends and forces the plan. Commit records and state
 * snapshots go through the same queue, so the log keeps the driver's order: a snapshot is written
 * after the commit of its batch is forced, then the snapshots and log segments it makes unneeded
 * are deleted.
 *
 * <p><b>Threads:</b> the driver calls {@link #submitPlan}, {@link #submitCommit}, {@link
 * #submitSnapshot} and {@link #close}; any thread may read the durable indices and the failure.
 * <b>Progress:</b> submitting is wait-free (an SPSC offer and a wake-up); the queue holds more
 * entries than the driver can have outstanding (sealed batches are bounded). <b>Visibility:</b> the
 * writer appends and forces, then writes the durable index (volatile), then wakes the driver, whose
 * {@code ready()} re-reads it: no lost wake-up ({@link Parker}). <b>Failure:</b> an I/O error stops
 * the writer; it is published in {@link #failure()} and the driver fails the pipeline, so no output
 * is written for a batch whose plan is not durable.
 */
final class LogWriter implements Runnable {

  /** A commit to append, forced or not. */
  private record Commit(long index, boolean force) {}

  private final BatchLog batchLog;
  private final SnapshotFiles snapshots;
  private final int keepSnapshots;
  private final Map<String, ReceivedLog<?>> writeAheadLogs;

  /**
   * Per batch this writer planned, the number of the first record after it in each write-ahead log
   * (in the map's order): once the oldest snapshot kept is of that batch, the records before are
   * never read again. Writer thread only.
   */
  private final TreeMap<Long, long[]> logEnds = new TreeMap<>();

  private final Parker driver;
  private final SpscArrayQueue<Object> work;
  private final Thread thread;
  private final Parker parker = new Parker(this::hasWork);

  /** Snapshots written, for the driver to report; rare (one per checkpoint interval). */
  private final Queue<CheckpointInfo> written = new ConcurrentLinkedQueue<>();

  private final String pipeline;
  private volatile long durablePlan;
  private volatile long durableCommit;
  private volatile Throwable failure;
  private volatile boolean closing;

  /**
   * @param keepSnapshots how many snapshot files to keep
   * @param lastLogged the index of the last batch already in the log, -1 if none
   * @param capacity more than the plans, commits and snapshots the driver can have outstanding
   */
  LogWriter(
      String pipeline,
      BatchLog batchLog,
      SnapshotFiles snapshots,
      int keepSnapshots,
      Map<String, ReceivedLog<?>> writeAheadLogs,
      Parker driver,
      long lastLogged,
      int capacity) {
    this.pipeline = pipeline;
    this.batchLog = batchLog;
    this.snapshots = snapshots;
    this.keepSnapshots = keepSnapshots;
    this.writeAheadLogs = new LinkedHashMap<>(writeAheadLogs);
    this.driver = driver;
    this.work = new SpscArrayQueue<>(capacity);
    this.durablePlan = lastLogged;
    this.durableCommit = batchLog.lastCommitted();
    this.thread = new Thread(this, "sluice-" + pipeline + "-log");
    thread.setDaemon(true); // a halted driver must not leave it keeping the JVM alive
    parker.bind(thread);
  }

  /** Starts the writing thread. */
  void start() {
    thread.start();
  }

  /** Driver: the plan of a sealed batch, to append and force. */
  void submitPlan(BatchPlan plan) {
    offer(plan);
  }

  /** Driver: the commit of batch {@code index}; {@code force} makes it durable at once. */
  void submitCommit(long index, boolean force) {
    offer(new Commit(index, force));
  }

  /** Driver: a snapshot of the state after a batch whose commit was submitted before it. */
  void submitSnapshot(StateSnapshots.CopiedState snapshot) {
    offer(snapshot);
  }

  /** Driver: the next snapshot written and not yet reported, or {@code null}. */
  CheckpointInfo pollWritten() {
    return written.poll();
  }

  /** Whether a snapshot written is not yet reported; any thread. */
  boolean hasWritten() {
    return !written.isEmpty();
  }

  /** Whether the plan of batch {@code index} is on disk. */
  boolean planDurable(long index) {
    return durablePlan >= index;
  }

  /** Whether the commit of batch {@code index} was forced to disk. */
  boolean commitDurable(long index) {
    return durableCommit >= index;
  }

  /** The I/O error that stopped the writer, or {@code null}. */
  Throwable failure() {
    return failure;
  }

  /** Driver, at shutdown: writes what is queued, then ends the thread and waits for it. */
  void close() throws InterruptedException {
    closing = true;
    parker.wake();
    thread.join();
  }

  @Override
  public void run() {
    Backoff backoff = new Backoff();
    try {
      while (true) {
        Object next = work.poll();
        if (next != null) {
          write(next);
          backoff.reset();
        } else if (closing) {
          return;
        } else if (backoff.idle()) {
          parker.park(Long.MAX_VALUE);
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      driver.wake();
    }
  }

  private void write(Object next) throws IOException {
    if (next instanceof BatchPlan plan) {
      for (ReceivedLog<?> writeAheadLog : writeAheadLogs.values()) {
        writeAheadLog.force();
      }
      batchLog.appendPlan(plan);
      rememberLogEnds(plan);
      durablePlan = plan.index();
    } else if (next instanceof StateSnapshots.CopiedState copied) {
      long start = System.nanoTime();
      StateSnapshot snapshot = copied.encode();
      batchLog.force(); // the snapshot's batch must be committed on disk before it exists
      long bytes = snapshots.write(snapshot);
      written.add(describe(copied, snapshot, bytes, System.nanoTime() - start));
      long oldestKept = snapshots.retain(keepSnapshots);
      batchLog.deleteSegmentsBefore(oldestKept + 1);
      batchLog.rollOver();
      deleteLoggedRecordsUpTo(oldestKept);
    } else {
      Commit commit = (Commit) next;
      batchLog.appendCommit(commit.index(), commit.force());
      if (commit.force()) {
        durableCommit = commit.index();
      }
    }
    driver.wake();
  }

  private CheckpointInfo describe(
      StateSnapshots.CopiedState copied, StateSnapshot snapshot, long bytes, long writeNanos) {
    List<CheckpointInfo.StageSize> stages = new ArrayList<>(copied.stages().size());
    for (int s = 0; s < copied.stages().size(); s++) {
      StateSnapshots.StageCopy<?, ?> stage = copied.stages().get(s);
      stages.add(
          new CheckpointInfo.StageSize(
              stage.stage().name(), stage.entries(), snapshot.stages().get(s).bytes()));
    }
    return new CheckpointInfo(
        pipeline,
        copied.index(),
        copied.time(),
        Duration.ofNanos(copied.copyNanos()),
        Duration.ofNanos(writeNanos),
        bytes,
        stages);
  }

  private void rememberLogEnds(BatchPlan plan) {
    if (writeAheadLogs.isEmpty()) {
      return;
    }
    long[] ends = new long[writeAheadLogs.size()];
    int i = 0;
    for (String input : writeAheadLogs.keySet()) {
      byte[] range = plan.planOf(input); // [from, to) of the batch's records
      ends[i++] = range == null ? -1 : ReceiverFeed.endOf(range);
    }
    logEnds.put(plan.index(), ends);
  }

  /** Deletes the received records only batches up to {@code batchIndex} hold. */
  private void deleteLoggedRecordsUpTo(long batchIndex) throws IOException {
    long[] ends = logEnds.get(batchIndex);
    logEnds.headMap(batchIndex).clear();
    if (ends == null) {
      return; // planned by an earlier run: a later snapshot deletes them
    }
    int i = 0;
    for (ReceivedLog<?> writeAheadLog : writeAheadLogs.values()) {
      long end = ends[i++];
      writeAheadLog.rollOver();
      if (end > 0) {
        writeAheadLog.deleteSegmentsBefore(end);
      }
    }
  }

  private boolean hasWork() {
    return !work.isEmpty() || closing;
  }

  private void offer(Object item) {
    if (!work.offer(item)) { // the capacity covers every outstanding batch: a bug if it is full
      throw new IllegalStateException("the batch log's queue is full");
    }
    parker.wake();
  }
}
