package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchInfo.SegmentTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch at a time through the program: every segment in order, each as one task per
 * partition on the workers (partition {@code p} on worker {@code p % workers}, so a key partition
 * stays on one worker), waiting for all of a segment's tasks before the next segment, then the
 * outputs as one more task.
 *
 * <p><b>Threads:</b> driver only; workers see only the tasks. <b>Allocation:</b> tasks are made
 * once and reused; per batch only the {@link BatchRun} and the metrics.
 */
final class BatchExecution {

  private static final Logger log = LoggerFactory.getLogger(BatchExecution.class);

  /** What a completion did to the batch. */
  enum Outcome {
    /** The batch goes on (or had already failed). */
    RUNNING,
    /** The batch's outputs were written; {@link #completedInfo()} has its metrics. */
    COMPLETED,
    /** A task failed, the first of this batch; {@link #failure()} says how. */
    FAILED,
    /** The batch was abandoned on request and its last in-flight task is back. */
    ABANDONED
  }

  private final PipelineProgram program;
  private final Worker[] workers;
  private final int partitions;
  private final SegmentTask[][] segmentTasks;
  private final OutputTask outputTask;
  private final List<String> inputNames;

  private BatchRun run;
  private SealedBatch lastBatch;
  private int segment;
  private int outstanding;
  private long segmentStart;
  private long segmentEnd;
  private long startClockMillis;
  private long startNanos;
  private final long[] segmentNanos;
  private boolean abandoning;

  /** Whether the running batch's segments are done and its outputs wait for its durable plan. */
  private boolean holdingOutputs;

  private final LongPredicate outputsAllowed;
  private PipelineFailedException failure;
  private BatchInfo completedInfo;

  /**
   * @param partitions how many partitions each input is cut into
   * @param inputNames the inputs' names, for metrics
   * @param twoPhase whether transactional sinks only prepare, to be committed by the driver (with a
   *     checkpoint directory), or write at once
   * @param outputsAllowed whether the outputs of the batch of a given index may be written now
   *     (with a checkpoint directory: once its plan is durable); when not, the batch holds before
   *     its outputs until {@link #releaseOutputs()}
   */
  BatchExecution(
      PipelineProgram program,
      Worker[] workers,
      int partitions,
      Completions completions,
      List<String> inputNames,
      boolean twoPhase,
      LongPredicate outputsAllowed) {
    this.outputsAllowed = outputsAllowed;
    this.program = program;
    this.workers = workers;
    this.partitions = partitions;
    this.inputNames = List.copyOf(inputNames);
    List<SegmentSlot> segments = program.segments();
    this.segmentTasks = new SegmentTask[segments.size()][];
    for (int s = 0; s < segmentTasks.length; s++) {
      SegmentTask[] tasks = new SegmentTask[segments.get(s).tasks()];
      for (int p = 0; p < tasks.length; p++) {
        tasks[p] = new SegmentTask(completions, program, s, p);
      }
      segmentTasks[s] = tasks;
    }
    this.segmentNanos = new long[segments.size()];
    this.outputTask = new OutputTask(completions, program.outputs(), twoPhase);
  }

  /**
   * The most tasks one worker can hold at once: a segment's share, or the output task. Worker
   * queues are sized from it.
   */
  static int maxTasksPerWorker(PipelineProgram program, int workers) {
    int max = 1;
    for (SegmentSlot segment : program.segments()) {
      max = Math.max(max, (segment.tasks() + workers - 1) / workers);
    }
    return max;
  }

  /** The most tasks outstanding at once over all workers; the completion queue is sized from it. */
  static int maxOutstanding(PipelineProgram program) {
    int max = 1;
    for (SegmentSlot segment : program.segments()) {
      max = Math.max(max, segment.tasks());
    }
    return max;
  }

  /** Whether a batch is running, including one being abandoned. */
  boolean busy() {
    return run != null;
  }

  /** The running batch, or {@code null}. */
  SealedBatch current() {
    return run == null ? null : run.sealed();
  }

  /** The batch started last: the one running, or the one that just completed or failed. */
  SealedBatch lastBatch() {
    return lastBatch;
  }

  /** Starts {@code batch}; {@code clockMillis} is the clock's time now, for the delays. */
  void start(SealedBatch batch, long clockMillis) {
    lastBatch = batch;
    run = new BatchRun(batch, partitions, program.outputs());
    abandoning = false;
    failure = null;
    completedInfo = null;
    startClockMillis = clockMillis;
    startNanos = System.nanoTime();
    submitFrom(0);
  }

  /** Hands out no more tasks for the running batch; it ends once its in-flight tasks are back. */
  void abandon() {
    abandoning = true;
    if (holdingOutputs) { // nothing in flight to bring it back: it ends here
      holdingOutputs = false;
      run = null;
    }
  }

  /** Whether the running batch waits, segments done, for leave to write its outputs. */
  boolean holdingOutputs() {
    return holdingOutputs;
  }

  /** Writes the outputs of the batch that {@link #holdingOutputs()}. */
  void releaseOutputs() {
    holdingOutputs = false;
    submit(outputTask);
  }

  /** Takes back a finished task of the running batch. */
  Outcome onCompletion(BatchTask task) {
    outstanding--;
    Outcome outcome = Outcome.RUNNING;
    Throwable thrown = task.failure();
    if (thrown != null) {
      if (failure == null) {
        failure = task.describe(program.name(), run.batchTime(), thrown);
        outcome = Outcome.FAILED;
      } else {
        log.debug(
            "Batch {} of {}: {} also failed: {}",
            run.batchTime(),
            program.name(),
            task,
            thrown.toString());
      }
    } else {
      segmentStart = Math.min(segmentStart, task.startNanos());
      segmentEnd = Math.max(segmentEnd, task.endNanos());
    }
    if (outstanding > 0) {
      return outcome;
    }
    if (failure != null) {
      run = null;
      return outcome;
    }
    if (segment == segmentTasks.length) { // the outputs are written, abandoned or not
      completedInfo = metrics(task.endNanos());
      run = null;
      return Outcome.COMPLETED;
    }
    if (abandoning) {
      run = null;
      return Outcome.ABANDONED;
    }
    segmentNanos[segment] = segmentEnd - segmentStart;
    submitFrom(segment + 1);
    return Outcome.RUNNING;
  }

  /** The failure of the last batch that failed. */
  PipelineFailedException failure() {
    return failure;
  }

  /** The metrics of the last completed batch. */
  BatchInfo completedInfo() {
    return completedInfo;
  }

  private void submitFrom(int first) {
    for (int s = first; s < segmentTasks.length; s++) {
      SegmentTask[] tasks = segmentTasks[s];
      if (tasks.length > 0) {
        segment = s;
        submit(tasks);
        return;
      }
      segmentNanos[s] = 0;
    }
    segment = segmentTasks.length;
    if (!run.sealed().replayed() && !outputsAllowed.test(run.batchIndex())) {
      holdingOutputs = true;
      return;
    }
    submit(outputTask);
  }

  private void submit(BatchTask[] tasks) {
    segmentStart = Long.MAX_VALUE;
    segmentEnd = Long.MIN_VALUE;
    outstanding = tasks.length;
    Worker[] workers = this.workers;
    for (int p = 0; p < tasks.length; p++) {
      tasks[p].prepare(run);
      workers[p % workers.length].submit(tasks[p]);
    }
    // one wake-up per worker after its whole share is queued
    for (int w = 0; w < Math.min(tasks.length, workers.length); w++) {
      workers[w].signal();
    }
  }

  private void submit(OutputTask task) {
    outstanding = 1;
    task.prepare(run);
    workers[0].submit(task);
    workers[0].signal();
  }

  private BatchInfo metrics(long endNanos) {
    SealedBatch batch = run.sealed();
    List<SegmentSlot> segments = program.segments();
    List<SegmentTime> segmentTimes = new ArrayList<>(segments.size());
    for (int s = 0; s < segments.size(); s++) {
      segmentTimes.add(new SegmentTime(segments.get(s).name(), Duration.ofNanos(segmentNanos[s])));
    }
    List<InputRecords> inputs = new ArrayList<>(inputNames.size());
    for (int i = 0; i < inputNames.size(); i++) {
      inputs.add(
          new InputRecords(
              inputNames.get(i),
              batch.inputs().get(i).size(),
              Duration.ofNanos(batch.blockedNanos(i))));
    }
    // with a graceful stop the last batch can start before the clock reaches its time
    Duration scheduling = Duration.ofMillis(Math.max(0, startClockMillis - batch.time()));
    Duration processing = Duration.ofNanos(Math.max(0, endNanos - startNanos));
    return new BatchInfo(
        program.name(),
        batch.time(),
        batch.records(),
        scheduling,
        processing,
        scheduling.plus(processing),
        segmentTimes,
        inputs,
        outputTask.times());
  }
}
