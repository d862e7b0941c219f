package dev.sluice.runtime.engine;

import dev.sluice.api.IdempotentSink;
import dev.sluice.api.Sink;
import dev.sluice.api.TransactionalSink;
import dev.sluice.runtime.checkpoint.BatchLog;
import dev.sluice.runtime.checkpoint.BatchPlan;
import dev.sluice.runtime.checkpoint.BatchPlan.InputPlan;
import dev.sluice.runtime.checkpoint.CheckpointDirectory;
import dev.sluice.runtime.checkpoint.CheckpointException;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.checkpoint.CrashPoint;
import dev.sluice.runtime.checkpoint.ReceivedLog;
import dev.sluice.runtime.checkpoint.StateSnapshot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.metrics.CheckpointInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of a checkpoint directory: the commit protocol of every batch, and what a
 * restart recovers.
 *
 * <p>Per batch: its plan is handed to the {@link LogWriter} when it is sealed ({@link #logPlan})
 * and forced while the batch's segments run; its outputs wait until the plan is durable ({@link
 * #planDurable}) and are written, transactional sinks only prepare; then {@link #commit} appends
 * the commit record (forced first, and waited for, if a transactional sink waits on it) and commits
 * the transactional sinks. Every {@code snapshotEvery} batches, once a batch committed, the state
 * of every stateful stage is copied on the driver (references only) and encoded and written by the
 * log's writer, which then deletes older snapshots and the log segments no longer needed.
 *
 * <p>At a restart the state is restored from the newest intact snapshot ({@link #restoreState});
 * the batches logged after it run again from their plans: those that committed without writing
 * their outputs again (they rebuild state), the others as new batches.
 *
 * <p><b>Threads:</b> made on the starting thread, then used by the driver thread only; its {@link
 * LogWriter} writes the log on a thread of its own.
 */
final class Checkpointing implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Checkpointing.class);

  private final String pipeline;
  private final CheckpointDirectory directory;
  private final BatchLog batchLog;
  private final List<String> inputNames;
  private final boolean writeAheadLog;
  private final int snapshotEvery;
  private final int keepSnapshots;

  /** The stores of the stateful stages, or {@code null} for a program that cannot list them. */
  private final List<StageState<?, ?>> stages;

  private long restoredIndex = -1;
  private String restoredState;
  private final List<OutputSlot> transactional = new ArrayList<>();
  private String failedOutput;
  private LogWriter writer;

  private Checkpointing(
      PipelineProgram program,
      CheckpointDirectory directory,
      List<String> inputNames,
      CheckpointSettings settings,
      Duration interval) {
    this.pipeline = program.name();
    this.writeAheadLog = settings.writeAheadLog();
    this.snapshotEvery = settings.snapshotEveryBatches(interval);
    this.keepSnapshots = settings.keepSnapshots();
    this.stages = program.stageStates();
    this.directory = directory;
    this.batchLog = directory.batchLog();
    this.inputNames = List.copyOf(inputNames);
    for (OutputSlot output : program.outputs()) {
      if (output.sink() instanceof TransactionalSink<?>) {
        transactional.add(output);
      }
    }
  }

  /**
   * Opens the directory of {@code settings} for {@code program}, creating it with its first batch
   * at {@code firstBatchTime} if it is new.
   *
   * @throws dev.sluice.runtime.checkpoint.CheckpointException if it cannot be used
   */
  static Checkpointing open(
      CheckpointSettings settings,
      PipelineProgram program,
      Duration interval,
      LongSupplier firstBatchTime,
      List<String> inputNames) {
    return new Checkpointing(
        program,
        CheckpointDirectory.open(settings.directory(), program.name(), interval, firstBatchTime),
        inputNames,
        settings,
        interval);
  }

  /**
   * At a restart, before any batch: restores the program's stores from the newest intact snapshot,
   * so that only the batches logged after it are replayed.
   *
   * @throws CheckpointException if the state cannot be rebuilt: no intact snapshot while the log no
   *     longer starts at batch 0, or a stage changed in a way its state cannot follow
   */
  void restoreState() {
    if (directory.created()) {
      return;
    }
    StateSnapshot snapshot;
    try {
      snapshot = directory.snapshots().newest();
    } catch (IOException e) {
      throw new CheckpointException(
          "the state snapshots in " + directory.snapshots().directory() + " cannot be listed", e);
    }
    List<BatchPlan> planned = planned();
    long firstPlanned = planned.isEmpty() ? 0 : planned.get(0).index();
    if (snapshot == null || stages == null) {
      if (firstPlanned > 0) {
        throw new CheckpointException(
            "checkpoint directory "
                + root()
                + (snapshot == null
                    ? " holds no intact state snapshot"
                    : " holds state snapshots, but " + pipeline + " cannot restore them")
                + ", and its batch log starts at batch "
                + firstPlanned
                + ", so the state cannot be rebuilt. Restore the files of "
                + directory.snapshots().directory()
                + " or start with a new checkpoint directory");
      }
      return; // the whole log is replayed
    }
    if (firstPlanned > snapshot.batchIndex() + 1) {
      throw new CheckpointException(
          "checkpoint directory "
              + root()
              + ": its newest intact state snapshot is of batch "
              + snapshot.batchIndex()
              + ", but its batch log starts at batch "
              + firstPlanned
              + ", so the batches between are lost. Restore the files of "
              + directory.snapshots().directory()
              + " or start with a new checkpoint directory");
    }
    restoredState = StateSnapshots.restore(pipeline, root(), stages, snapshot);
    restoredIndex = snapshot.batchIndex();
  }

  /** The logged batches to run again after the restored snapshot, in order. */
  List<BatchPlan> toReplay() {
    List<BatchPlan> planned = planned();
    int from = 0;
    while (from < planned.size() && planned.get(from).index() <= restoredIndex) {
      from++;
    }
    return planned.subList(from, planned.size());
  }

  /** Where receivers keep their write-ahead logs, or {@code null} if they keep none. */
  Path writeAheadLogRoot() {
    return writeAheadLog ? directory.root() : null;
  }

  /** The batches logged by earlier runs, in order. */
  List<BatchPlan> planned() {
    return batchLog.planned();
  }

  /**
   * The index of the last committed batch, -1 if none: a snapshot is only written once its batch
   * committed, also when its commit record was in a log segment deleted since.
   */
  long lastCommitted() {
    return Math.max(batchLog.lastCommitted(), restoredIndex);
  }

  /** The time of the first batch this run plans: after the logged ones. */
  long nextBatchTime() {
    List<BatchPlan> planned = planned();
    return planned.isEmpty()
        ? directory.identity().firstBatchTime()
        : planned.get(planned.size() - 1).time() + directory.identity().batchIntervalMs();
  }

  /** The index of the first batch this run plans. */
  long nextIndex() {
    List<BatchPlan> planned = planned();
    return planned.isEmpty() ? 0 : planned.get(planned.size() - 1).index() + 1;
  }

  /** The directory. */
  Path root() {
    return directory.root();
  }

  /** Logs at start what the directory held and what each output's guarantee is. */
  void logStart(List<String> unreplayable, long tookMillis) {
    if (directory.created()) {
      log.info(
          "Checkpointing {} to {} (new); first batch {}; state snapshots every {} {}",
          pipeline,
          root(),
          nextBatchTime(),
          snapshotEvery,
          snapshotEvery == 1 ? "batch" : "batches");
    } else {
      long committed = lastCommitted();
      long again = nextIndex() - (committed + 1);
      long replayed = toReplay().size() - again;
      log.info(
          "Recovered {} from {} in {} ms: {}; {}; {} committed {} to replay for state, {} {} to "
              + "run again; next new batch {} at {}",
          pipeline,
          root(),
          tookMillis,
          committed < 0
              ? "no batch committed yet"
              : "last committed batch " + committed + " at " + timeOf(committed),
          restoredState == null
              ? "no state snapshot yet"
              : "state of batch " + restoredIndex + " restored (" + restoredState + ")",
          replayed,
          replayed == 1 ? "batch" : "batches",
          again,
          again == 1 ? "batch" : "batches",
          nextIndex(),
          nextBatchTime());
    }
    if (!unreplayable.isEmpty()) {
      log.warn(
          "{}: {} {} cannot replay: after a crash, records {} received for batches that had "
              + "not committed are lost (at most once). Replayable: the directory, batches and "
              + "demo sources, and receivers with a record codec (the socket source) while the "
              + "write-ahead log is on.",
          pipeline,
          unreplayable.size() == 1 ? "input" : "inputs",
          unreplayable,
          unreplayable.size() == 1 ? "it" : "they");
    }
  }

  /** Each output's guarantee after a crash, for the start-up log. */
  static String guarantees(PipelineProgram program) {
    StringJoiner joiner = new StringJoiner(", ");
    for (OutputSlot output : program.outputs()) {
      Sink<?> sink = output.sink();
      String guarantee =
          sink instanceof TransactionalSink<?>
              ? "exactly once (transactional)"
              : sink instanceof IdempotentSink<?> ? "exactly once (idempotent)" : "at least once";
      joiner.add(output.name() + " " + guarantee);
    }
    return joiner.toString();
  }

  /**
   * Starts the log's writer thread, which wakes {@code driver} when a plan or commit is durable and
   * forces {@code writeAheadLogs} before each plan.
   *
   * @param maxOutstanding how many sealed batches can wait at most
   */
  void startWriter(Parker driver, Map<String, ReceivedLog<?>> writeAheadLogs, int maxOutstanding) {
    List<BatchPlan> planned = planned();
    long lastLogged = planned.isEmpty() ? -1 : planned.get(planned.size() - 1).index();
    writer =
        new LogWriter(
            pipeline,
            batchLog,
            directory.snapshots(),
            keepSnapshots,
            writeAheadLogs,
            driver,
            lastLogged,
            3 * maxOutstanding + 8);
    writer.start();
  }

  /** Hands the plan of {@code batch} to the writer; it runs meanwhile, its outputs wait. */
  void logPlan(SealedBatch batch) {
    List<InputPlan> inputs = new ArrayList<>(inputNames.size());
    for (int i = 0; i < inputNames.size(); i++) {
      inputs.add(new InputPlan(inputNames.get(i), batch.plans().get(i)));
    }
    writer.submitPlan(new BatchPlan(batch.index(), batch.time(), inputs));
  }

  /** Whether the plan of batch {@code index} is on disk, so that its outputs may be written. */
  boolean planDurable(long index) {
    return writer.planDurable(index);
  }

  /** The I/O error that stopped the log's writer, or {@code null}. */
  Throwable writerFailure() {
    return writer == null ? null : writer.failure();
  }

  /** At start, on the driver: each transactional sink finishes or drops what a crash left. */
  void recoverSinks() throws Exception {
    for (OutputSlot output : transactional) {
      ((TransactionalSink<?>) output.sink()).recover(lastCommitted());
    }
  }

  /**
   * Commits batch {@code index}, whose outputs were written: the commit record, then the
   * transactional sinks.
   *
   * @throws Exception from the log or a sink's commit; the output's name is then {@link
   *     #failedOutput()}
   */
  void commit(long index) throws Exception {
    CrashPoint.AFTER_OUTPUTS.reach();
    failedOutput = null;
    writer.submitCommit(index, !transactional.isEmpty());
    if (transactional.isEmpty()) {
      return;
    }
    // the sinks may commit only once the commit record is durable: wait for the writer
    while (!writer.commitDurable(index)) {
      if (writer.failure() != null) {
        throw new IOException("the batch log could not be written", writer.failure());
      }
      LockSupport.parkNanos(50_000); // the writer forces within a few milliseconds
    }
    for (OutputSlot output : transactional) {
      failedOutput = output.name();
      ((TransactionalSink<?>) output.sink()).commit(index);
    }
    failedOutput = null;
    if (!transactional.isEmpty()) {
      CrashPoint.AFTER_SINK_COMMIT.reach();
    }
  }

  /**
   * After batch {@code index} at {@code time} committed and before the next batch runs: every
   * {@code snapshotEvery} batches, copies the state and hands it to the log's writer.
   */
  void afterCommit(long index, long time) {
    if (stages == null || (index + 1) % snapshotEvery != 0) {
      return;
    }
    long start = System.nanoTime();
    writer.submitSnapshot(StateSnapshots.copy(stages, index, time));
    log.debug(
        "{}: copied the state after batch {} in {} µs",
        pipeline,
        index,
        (System.nanoTime() - start) / 1_000);
  }

  /** The next snapshot written and not yet reported, or {@code null}. */
  CheckpointInfo pollWritten() {
    return writer == null ? null : writer.pollWritten();
  }

  /** Whether a snapshot was written and not yet reported. */
  boolean hasWritten() {
    return writer != null && writer.hasWritten();
  }

  /** The output whose sink failed the last {@link #commit}, or {@code null} for the log. */
  String failedOutput() {
    return failedOutput;
  }

  /** Batch {@code index} failed: transactional sinks drop what they prepared for it. */
  void abort(long index) {
    for (OutputSlot output : transactional) {
      try {
        ((TransactionalSink<?>) output.sink()).abort(index);
      } catch (Exception e) { // the pipeline is failing already; recovery drops it too
        log.warn(
            "Aborting batch {} in output '{}' of {} failed", index, output.name(), pipeline, e);
      }
    }
  }

  /** Writes what is queued, forces the log and releases the directory. */
  @Override
  public void close() throws IOException {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      directory.close();
    }
  }

  private long timeOf(long index) {
    return directory.identity().firstBatchTime() + index * directory.identity().batchIntervalMs();
  }
}
