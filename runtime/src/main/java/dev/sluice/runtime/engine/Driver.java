package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.checkpoint.BatchPlan;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.metrics.CheckpointInfo;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop of one running pipeline, on its thread {@code sluice-<pipeline>-driver}: drains
 * the receivers into the open interval, seals a batch at each batch time, runs the sealed batches
 * one after another on the workers ({@link BatchExecution}), reports them, and carries out stops
 * and failures.
 *
 * <p>Each turn of the loop does whatever is due and reports whether it did anything; after turns
 * with nothing to do it spins, yields, then parks ({@link Backoff}, {@link Parker}) until the next
 * batch time (for a clock that follows real time) or until woken by a worker's completion, a full
 * receiver queue, a receiver's end or reported error, a clock jump or a stop request.
 *
 * <p>Stopping moves through phases. Graceful: receivers are stopped; once their threads ended, what
 * they delivered after the last sealed batch, if anything, is sealed as a final batch at the next
 * batch time without waiting for the clock (so a stop after N batches runs exactly N when nothing
 * more arrived); every sealed batch is processed. Immediate, or on a failure: receivers are
 * stopped, in-flight tasks finish, the rest is dropped and counted in the log. Either way the
 * workers end, every source and sink is closed once, listeners hear {@code onPipelineStopped}, and
 * waiters are released.
 *
 * <p>A bounded run ({@link BoundedRun}, usually on an unpaced clock) ends by itself: once the batch
 * it says is the last is sealed, nothing more is sealed and the driver finishes as after a graceful
 * stop. A graceful stop of a bounded run, which has no receivers to wait for, finishes the batches
 * sealed so far.
 *
 * <p><b>Threads:</b> {@link #start} on the starting thread, {@link #requestStop} from any thread
 * (the clock's wake-up too); everything else runs on the driver thread, which owns all plain
 * fields. <b>Visibility:</b> stop requests are an atomic, completions come through their queue, and
 * clock moves and receiver ends are volatile writes made before the waker's {@link Parker#wake},
 * which {@code ready()} re-reads. <b>Progress:</b> the loop never blocks except in {@code park}, at
 * shutdown when it joins the threads, and in user code that runs on it: listeners, {@code
 * BatchSource.nextBatch} and {@code ReceiverSource.stop}, which should be quick.
 * <b>Backpressure:</b> at most {@link EngineLimits#maxPendingBatches()} sealed batches wait; at
 * that bound the driver stops draining, so receiver queues fill and receivers wait.
 * <b>Allocation:</b> none per record beyond the open interval's list; per batch a few small
 * objects.
 */
final class Driver implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Driver.class);

  private static final int NO_STOP = 0;
  private static final int GRACEFUL = 1;
  private static final int IMMEDIATE = 2;

  private enum Phase {
    /** Draining, sealing by the clock, running batches. */
    RUNNING,
    /** Graceful stop: receivers stopped, still running normally until their threads ended. */
    STOPPING,
    /** Graceful stop: the final batch is sealed; processing what is left. */
    FINISHING,
    /** Immediate stop or failure: in-flight tasks finish, the rest is dropped. */
    ABORTING,
    /** Nothing left to do: shut down. */
    DONE
  }

  private final String pipeline;
  private final PipelineProgram program;
  private final long interval;
  private final BatchClock clock;
  private final int maxPending;
  private final Termination termination;
  private final BatchReporter reporter;
  private final Parker parker = new Parker(this::ready);
  private final Thread thread;
  private final Runnable clockWakeUp = parker::wake;
  private final Consumer<PipelineFailedException> onFailure = this::fail;
  private final Inputs inputs;
  private final Worker[] workers;
  private final Completions completions;
  private final BatchExecution execution;
  private final AtomicInteger stopRequest = new AtomicInteger(NO_STOP);

  /** The checkpoint directory's side of the driver, or {@code null} without one. */
  private final Checkpointing checkpointing;

  /** The batches logged by earlier runs, run again before any new batch; empty without. */
  private final List<BatchPlan> replay;

  private final long firstBatchTime;
  private int replayNext;
  private long replayedBatches;
  private long replayStartNanos;

  /** The end of a bounded run, or {@code null} for a streaming run. */
  private final BoundedRun bounded;

  private final ArrayDeque<SealedBatch> pending = new ArrayDeque<>();
  private Phase phase = Phase.RUNNING;
  private long nextBatchTime;

  /** The index of the batch at {@code nextBatchTime}: how many batches were sealed before it. */
  private long nextBatchIndex;

  private int handledStop = NO_STOP;
  private PipelineFailedException failure;
  private long completedBatches;
  private SealedBatch abandoned;
  private long droppedBatches;
  private long droppedRecords;

  /**
   * @param firstBatchTime the time of the first new batch
   * @param firstBatchIndex the index of the first new batch: 0, or after the logged ones
   * @param checkpointing the checkpoint directory, or {@code null}; its logged batches run first,
   *     and the replayable sources resume after them
   * @param reporter told of the pipeline's life and every batch
   * @param termination released when everything has stopped
   * @param bounded the end of a bounded run, or {@code null} to run until stopped
   * @throws PipelineFailedException if a source cannot resume
   */
  Driver(
      PipelineProgram program,
      long intervalMillis,
      int parallelism,
      BatchClock clock,
      EngineLimits limits,
      long firstBatchTime,
      long firstBatchIndex,
      Checkpointing checkpointing,
      BatchReporter reporter,
      Termination termination,
      BoundedRun bounded) {
    this.pipeline = program.name();
    this.program = program;
    this.interval = intervalMillis;
    this.clock = clock;
    this.maxPending = limits.maxPendingBatches();
    this.nextBatchTime = firstBatchTime;
    this.firstBatchTime = firstBatchTime;
    this.nextBatchIndex = firstBatchIndex;
    this.checkpointing = checkpointing;
    this.replay = checkpointing == null ? List.of() : checkpointing.toReplay();
    this.reporter = reporter;
    this.termination = termination;
    this.bounded = bounded;
    this.thread = new Thread(this, "sluice-" + pipeline + "-driver");
    parker.bind(thread);
    this.inputs =
        new Inputs(
            pipeline,
            program.inputs(),
            limits,
            parker,
            checkpointing != null,
            checkpointing == null ? null : checkpointing.writeAheadLogRoot());
    inputs.resume(checkpointing == null ? List.of() : checkpointing.planned());
    this.workers = new Worker[parallelism];
    int perWorker = BatchExecution.maxTasksPerWorker(program, parallelism) + 1;
    for (int w = 0; w < parallelism; w++) {
      workers[w] = new Worker("sluice-" + pipeline + "-worker-" + w, perWorker);
    }
    this.completions = new Completions(BatchExecution.maxOutstanding(program) + 1, parker);
    this.execution =
        new BatchExecution(
            program,
            workers,
            parallelism,
            completions,
            inputs.names(),
            checkpointing != null,
            checkpointing == null ? index -> true : checkpointing::planDurable);
  }

  /** Starts the log's writer, the workers, the driver thread, then the receivers. */
  void start() {
    if (checkpointing != null) {
      checkpointing.startWriter(parker, inputs.writeAheadLogs(), maxPending + 1);
    }
    clock.addWakeUp(clockWakeUp);
    for (Worker worker : workers) {
      worker.start();
    }
    thread.start();
    inputs.start();
  }

  /** Asks for a stop; an immediate request overrides a graceful one. Any thread, non-blocking. */
  void requestStop(boolean graceful) {
    int wanted = graceful ? GRACEFUL : IMMEDIATE;
    stopRequest.accumulateAndGet(wanted, Math::max);
    parker.wake();
  }

  /** The driver thread. */
  Thread thread() {
    return thread;
  }

  /** The time of the first new batch. */
  long firstBatchTime() {
    return firstBatchTime;
  }

  /** The inputs whose records cannot be read again after a crash. */
  List<String> unreplayableInputs() {
    return inputs.unreplayable();
  }

  /** Whether {@code other} is one of this pipeline's threads: driver, worker or receiver. */
  boolean owns(Thread other) {
    if (other == thread || inputs.runOn(other)) {
      return true;
    }
    for (Worker worker : workers) {
      if (worker.thread() == other) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    try {
      reporter.started(nextBatchTime);
      recoverSinks();
      Backoff backoff = new Backoff();
      while (phase != Phase.DONE) {
        if (step()) {
          backoff.reset();
        } else if (backoff.idle()) {
          Thread.interrupted(); // an interrupt must not turn parking into spinning
          parker.park(parkNanos());
        }
      }
    } catch (Throwable e) { // a bug in the engine: report it like a failure and still clean up
      fail(Failures.inDriver(pipeline, e));
    } finally {
      shutdown();
    }
  }

  /** One turn of the loop: does what is due; whether it did anything. */
  private boolean step() {
    boolean progress = handleStopRequest();
    progress |= inputs.noticeEnded(nextBatchTime, onFailure);
    progress |= enqueueReplay();
    if (collecting()) {
      progress |= drainInputs();
    }
    while (collecting() && clock.reached(nextBatchTime)) {
      seal();
      progress = true;
    }
    if (phase == Phase.STOPPING && inputs.done() && pending.size() < maxPending && replayed()) {
      drainInputs();
      if (inputs.hasOpenRecords()) {
        seal(); // a final batch for what receivers delivered last, without waiting for the clock
      }
      if (phase == Phase.STOPPING) {
        phase = Phase.FINISHING;
      }
      progress = true;
    }
    progress |= pollCompletions();
    progress |= releaseDurableOutputs();
    progress |= reportCheckpoints();
    progress |= reportReceiverErrors();
    if (phase != Phase.ABORTING && !execution.busy() && !pending.isEmpty()) {
      SealedBatch next = pending.poll();
      long now = clock.millis();
      execution.start(next, now);
      reporter.batchStarted(next.time(), now);
      progress = true;
    }
    if (phase == Phase.FINISHING && pending.isEmpty() && !execution.busy()) {
      phase = Phase.DONE;
      progress = true;
    }
    if (phase == Phase.ABORTING && !execution.busy() && inputs.done()) {
      dropTheRest();
      phase = Phase.DONE;
      progress = true;
    }
    return progress;
  }

  /**
   * Whether the driver has something to do; checked after announcing a park, so it covers
   * everything a waker publishes before {@link Parker#wake}: completions, stop requests, receivers
   * ending, filling their queues or reporting errors, and the clock reaching the next batch time.
   */
  private boolean ready() {
    return !completions.isEmpty()
        || stopRequest.get() > handledStop
        || inputs.endedUnnoticed()
        || (collecting() && (inputs.hasRecords() || clock.reached(nextBatchTime)))
        || (replaying() && pending.size() < maxPending)
        || (checkpointing != null && logProgressed())
        || inputs.hasNewErrors();
  }

  /** Whether the log's writer failed, or made the plan durable that the running batch awaits. */
  private boolean logProgressed() {
    return checkpointing.writerFailure() != null && failure == null
        || execution.holdingOutputs() && checkpointing.planDurable(execution.current().index())
        || checkpointing.hasWritten();
  }

  /**
   * With a checkpoint directory: writes the held outputs of the running batch once its plan is
   * durable, and fails the pipeline if the log's writer failed.
   */
  private boolean releaseDurableOutputs() {
    if (checkpointing == null) {
      return false;
    }
    Throwable writerFailure = checkpointing.writerFailure();
    if (writerFailure != null && failure == null) {
      fail(
          new PipelineFailedException(
              "Pipeline "
                  + pipeline
                  + " failed to write its batch log in "
                  + checkpointing.root()
                  + ": "
                  + writerFailure,
              writerFailure));
      return true;
    }
    if (execution.holdingOutputs() && checkpointing.planDurable(execution.current().index())) {
      execution.releaseOutputs();
      return true;
    }
    return false;
  }

  /** Reports the snapshots the log's writer wrote since the last turn. */
  private boolean reportCheckpoints() {
    if (checkpointing == null) {
      return false;
    }
    boolean progress = false;
    CheckpointInfo written;
    while ((written = checkpointing.pollWritten()) != null) {
      reporter.checkpointCompleted(written);
      progress = true;
    }
    return progress;
  }

  /** Reports the errors receivers reported since the last turn, at the clock's time now. */
  private boolean reportReceiverErrors() {
    return inputs.pollErrors(
        (input, error) ->
            reporter.receiverError(input, error.message(), error.count(), clock.millis()));
  }

  /** How long to park at most: until the next batch time, or the receivers' stop deadline. */
  private long parkNanos() {
    long nanos = collecting() ? clock.nanosUntil(nextBatchTime) : Long.MAX_VALUE;
    return inputs.stopped() ? Math.min(nanos, inputs.nanosToDeadline()) : nanos;
  }

  /**
   * Whether the open interval still takes records: before the final seal, with room to seal, and
   * once every logged batch is queued (new batches come after them).
   */
  private boolean collecting() {
    return (phase == Phase.RUNNING || phase == Phase.STOPPING)
        && pending.size() < maxPending
        && replayed();
  }

  /** Whether logged batches are still to be queued: running, or stopping gracefully. */
  private boolean replaying() {
    return (phase == Phase.RUNNING || phase == Phase.STOPPING) && !replayed();
  }

  /** Whether every batch logged by earlier runs is queued. */
  private boolean replayed() {
    return replayNext == replay.size();
  }

  /** Queues the logged batches, read again from their plans, as far as there is room. */
  private boolean enqueueReplay() {
    boolean progress = false;
    while (replaying() && pending.size() < maxPending) {
      if (replayNext == 0) {
        replayStartNanos = System.nanoTime();
      }
      BatchPlan plan = replay.get(replayNext++);
      try {
        SealedBatch batch = inputs.replay(plan, plan.index() <= checkpointing.lastCommitted());
        pending.add(batch);
        reporter.submitted(batch, inputs, clock.millis());
      } catch (PipelineFailedException e) {
        fail(e);
      }
      progress = true;
    }
    return progress;
  }

  /** Drains the receivers; a write-ahead log that cannot be written fails the pipeline. */
  private boolean drainInputs() {
    try {
      return inputs.drain();
    } catch (PipelineFailedException e) {
      fail(e);
      return true;
    }
  }

  /** At start: transactional sinks finish or drop what a crash left. */
  private void recoverSinks() {
    if (checkpointing == null) {
      return;
    }
    try {
      checkpointing.recoverSinks();
    } catch (Exception e) {
      fail(
          new PipelineFailedException(
              "Pipeline "
                  + pipeline
                  + " failed to recover a "
                  + "transactional sink from "
                  + checkpointing.root()
                  + ": "
                  + e,
              e));
    }
  }

  private boolean handleStopRequest() {
    int request = stopRequest.get();
    if (request <= handledStop) {
      return false;
    }
    handledStop = request;
    if (request == GRACEFUL && phase == Phase.RUNNING) {
      log.info(
          "Stopping {} gracefully: stopping receivers, then processing what they delivered",
          pipeline);
      inputs.stop();
      phase = bounded == null ? Phase.STOPPING : Phase.FINISHING;
    } else if (request == IMMEDIATE && phase != Phase.ABORTING && phase != Phase.DONE) {
      log.info("Stopping {} at once", pipeline);
      inputs.stop();
      abort();
    }
    return true;
  }

  /** Ends the open interval as the batch at {@code nextBatchTime}; a throwing source fails it. */
  private void seal() {
    SealedBatch batch;
    try {
      batch = inputs.seal(nextBatchTime, nextBatchIndex);
    } catch (PipelineFailedException e) {
      fail(e);
      return;
    }
    if (checkpointing != null) {
      checkpointing.logPlan(batch); // written and forced while the batch runs
    }
    pending.add(batch);
    reporter.submitted(batch, inputs, clock.millis());
    nextBatchTime += interval;
    nextBatchIndex++;
    endIfLastOfBoundedRun(batch);
  }

  /** In a bounded run, stops sealing after the run's last batch. */
  private void endIfLastOfBoundedRun(SealedBatch batch) {
    boolean last;
    try {
      last = bounded != null && phase == Phase.RUNNING && bounded.isLast(batch);
    } catch (PipelineFailedException e) {
      fail(e);
      return;
    }
    if (last) {
      log.info(
          "{}: inputs exhausted; batch {} is the last (windows drain for {} batches)",
          pipeline,
          batch.time(),
          bounded.drainBatches());
      phase = Phase.FINISHING;
    }
  }

  private boolean pollCompletions() {
    boolean progress = false;
    BatchTask task;
    while ((task = completions.poll()) != null) {
      progress = true;
      switch (execution.onCompletion(task)) {
        case COMPLETED -> completed();
        case FAILED -> {
          reporter.batchFailed(execution.failure());
          if (checkpointing != null) {
            checkpointing.abort(execution.lastBatch().index());
          }
          fail(execution.failure());
        }
        case ABANDONED -> {
          droppedBatches++;
          droppedRecords += abandoned.records();
        }
        case RUNNING -> {}
      }
    }
    return progress;
  }

  private void completed() {
    SealedBatch batch = execution.lastBatch();
    if (batch.replayed()) {
      replayedBatches++;
      if (replayedBatches == checkpointing.lastCommitted() + 1 - replay.get(0).index()) {
        log.info(
            "{}: replayed {} committed {} in {} ms to rebuild state",
            pipeline,
            replayedBatches,
            replayedBatches == 1 ? "batch" : "batches",
            (System.nanoTime() - replayStartNanos) / 1_000_000);
      }
      return;
    }
    if (checkpointing != null) {
      try {
        checkpointing.commit(batch.index());
        checkpointing.afterCommit(batch.index(), batch.time());
      } catch (Exception e) {
        String output = checkpointing.failedOutput();
        fail(
            output == null
                ? new PipelineFailedException(
                    "Pipeline "
                        + pipeline
                        + " failed to commit batch "
                        + batch.time()
                        + " in "
                        + checkpointing.root()
                        + ": "
                        + e,
                    e)
                : Failures.inOutput(pipeline, output, batch.time(), e));
        return;
      }
    }
    completedBatches++;
    reporter.completed(execution.completedInfo());
    termination.batchCompleted(execution.completedInfo().batchTime());
  }

  /** Records the first failure, logs it once, and aborts; later failures are only debug-logged. */
  private void fail(PipelineFailedException failed) {
    if (failure != null) {
      log.debug("{} after the first failure: {}", pipeline, failed.getMessage());
      return;
    }
    failure = failed;
    log.error(failed.getMessage(), failed.getCause());
    inputs.stop();
    abort();
  }

  private void abort() {
    phase = Phase.ABORTING;
    if (execution.busy()) {
      abandoned = execution.current();
      execution.abandon();
      if (!execution.busy()) { // it was holding its outputs: nothing in flight to wait for
        droppedBatches++;
        droppedRecords += abandoned.records();
      }
    }
  }

  /** Drops the sealed batches and the received records of an aborted pipeline, and says so. */
  private void dropTheRest() {
    long batches = droppedBatches + pending.size();
    long records = droppedRecords;
    for (SealedBatch batch : pending) {
      records += batch.records();
    }
    pending.clear();
    long unbatched = inputs.discard();
    if (batches > 0 || unbatched > 0) {
      log.warn(
          "{} {}: dropped {} unprocessed {} with {} records and {} received {} not yet in a "
              + "batch",
          pipeline,
          failure == null ? "stopped at once" : "failed",
          batches,
          batches == 1 ? "batch" : "batches",
          records,
          unbatched,
          unbatched == 1 ? "record" : "records");
    }
  }

  /** Ends everything, closes sources and sinks once, and releases the waiters. Never throws. */
  private void shutdown() {
    try {
      inputs.stop();
      for (Worker worker : workers) {
        worker.shutdown();
      }
      joinWorkersAndReceivers();
      long late = inputs.discard();
      if (late > 0) {
        log.warn("{} dropped {} records received after its final batch", pipeline, late);
      }
      ResourceCloser.closeAll(program);
      // the log's writer first: it writes what is queued, forcing the write-ahead logs it needs
      closeCheckpoint();
      reportCheckpoints(); // the last snapshots, written while the log's writer finished
      reportReceiverErrors(); // those reported while the receivers stopped
      inputs.closeLogs();
      clock.removeWakeUp(clockWakeUp);
      if (failure == null) {
        log.info(
            "Stopped {} after {} {}",
            pipeline,
            completedBatches,
            completedBatches == 1 ? "batch" : "batches");
      }
    } catch (Throwable e) { // must not keep waiters from being released
      log.error("Shutting down {} failed", pipeline, e);
    } finally {
      reporter.stopped(failure);
      termination.terminate(failure);
    }
  }

  private void closeCheckpoint() {
    if (checkpointing == null) {
      return;
    }
    try {
      checkpointing.close();
    } catch (IOException e) {
      log.warn("Closing checkpoint directory {} of {} failed", checkpointing.root(), pipeline, e);
    }
  }

  /**
   * Waits for the workers (which end once their queues are empty, so in-flight tasks finish) and
   * for the receiving threads until the stop deadline. An interrupt does not cut the wait short; it
   * is restored afterwards.
   */
  private void joinWorkersAndReceivers() {
    boolean interrupted = false;
    for (Worker worker : workers) {
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    while (true) {
      try {
        inputs.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
