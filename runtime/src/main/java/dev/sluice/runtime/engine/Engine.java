package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link PipelineProgram}: the engine behind {@code StreamingPipeline}, public only for
 * it; not an API.
 *
 * <p>Threads per pipeline: one receiver per {@code ReceiverSource} input ({@code
 * sluice-<pipeline>-receiver-<input>}), one driver ({@code sluice-<pipeline>-driver}) and {@code
 * parallelism} workers ({@code sluice-<pipeline>-worker-<n>}), and with a checkpoint directory the
 * batch log's writer ({@code sluice-<pipeline>-log}).
 *
 * <p><b>Threads:</b> every method may be called from any thread; the waiting ones not from the
 * pipeline's own threads (listeners, sinks, receivers), where they would wait for themselves.
 * <b>Progress:</b> {@link #requestStop} never blocks.
 */
public final class Engine {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private static final int NEW = 0;
  private static final int STARTED = 1;
  private static final int STOPPED_UNSTARTED = 2;

  private final PipelineProgram program;
  private final long intervalMillis;
  private final int parallelism;
  private final BatchClock clock;
  private final EngineLimits limits;
  private final CheckpointSettings checkpoint;
  private final BatchReporter reporter;
  private final Termination termination = new Termination();
  private final AtomicInteger state = new AtomicInteger(NEW);

  /** Stop requests made before the driver was published: 0 none, 1 graceful, 2 immediate. */
  private final AtomicInteger earlyStop = new AtomicInteger();

  private final BoundedRun bounded;
  private volatile Driver driver;

  /**
   * An engine for {@code program}, not started.
   *
   * @param batchInterval positive, a whole number of milliseconds
   * @param parallelism the partitions per input and the number of workers, at least 1
   * @param checkpoint the checkpoint settings, or {@code null} for none
   */
  public Engine(
      PipelineProgram program,
      Duration batchInterval,
      int parallelism,
      BatchClock clock,
      List<StreamingListener> listeners,
      EngineLimits limits,
      CheckpointSettings checkpoint) {
    this(program, batchInterval, parallelism, clock, listeners, limits, checkpoint, null);
  }

  /**
   * An engine for {@code program} that, if {@code bounded} is not {@code null}, ends by itself as
   * {@code bounded} says, not started.
   */
  public Engine(
      PipelineProgram program,
      Duration batchInterval,
      int parallelism,
      BatchClock clock,
      List<StreamingListener> listeners,
      EngineLimits limits,
      CheckpointSettings checkpoint,
      BoundedRun bounded) {
    if (batchInterval.toMillis() < 1) {
      throw new IllegalArgumentException("batch interval must be at least 1 ms: " + batchInterval);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.program = program;
    this.intervalMillis = batchInterval.toMillis();
    this.parallelism = parallelism;
    this.clock = clock;
    this.limits = limits;
    this.checkpoint = checkpoint;
    this.bounded = bounded;
    this.reporter = new BatchReporter(program, batchInterval, parallelism, limits, listeners);
  }

  /** The time of the first batch of a pipeline started at {@code nowMillis}, as Spark has it. */
  public static long firstBatchTime(long nowMillis, long intervalMillis) {
    return (Math.floorDiv(nowMillis, intervalMillis) + 1) * intervalMillis;
  }

  /** The pipeline's name. */
  public String name() {
    return program.name();
  }

  /**
   * Recovers from the checkpoint directory, if there is one, then starts the workers, the driver
   * and the receivers.
   *
   * @throws IllegalStateException if already started or stopped
   * @throws dev.sluice.runtime.checkpoint.CheckpointException if the checkpoint directory cannot be
   *     used; the pipeline is then stopped, its sources and sinks closed
   * @throws PipelineFailedException if a source cannot resume from the checkpoint
   */
  public void start() {
    if (!state.compareAndSet(NEW, STARTED)) {
      throw new IllegalStateException(
          "pipeline " + name() + (state.get() == STARTED ? " already started" : " was stopped"));
    }
    reporter.startingAt(clock.millis()); // before the driver thread starts, which publishes it
    Driver started;
    try {
      started = checkpoint == null ? newDriver(null) : recover();
    } catch (RuntimeException e) {
      ResourceCloser.closeAll(program);
      PipelineFailedException failure =
          e instanceof PipelineFailedException failed
              ? failed
              : new PipelineFailedException(
                  "Pipeline " + name() + " cannot start: " + e.getMessage(), e);
      reporter.stopped(failure);
      termination.terminate(failure);
      throw e;
    }
    driver = started;
    log.info(
        "Starting {}: batch interval {} ms, parallelism {}, first batch {}; inputs {}; "
            + "outputs {}",
        name(),
        intervalMillis,
        parallelism,
        started.firstBatchTime(),
        describeInputs(),
        describeOutputs());
    started.start();
    // a stop requested while the driver was being made: publish, then re-read (see requestStop)
    int early = earlyStop.get();
    if (early != 0) {
      started.requestStop(early == 1);
    }
  }

  /**
   * Asks the pipeline to stop and returns at once. Before {@link #start()}, stops it for good:
   * closes its sources and sinks at once.
   */
  public void requestStop(boolean graceful) {
    if (state.compareAndSet(NEW, STOPPED_UNSTARTED)) {
      stopUnstarted();
      return;
    }
    // record, then read the driver; start() publishes it, then reads the record: one of the two
    // sees the other (both volatile), so a request racing with start() is never lost
    earlyStop.accumulateAndGet(graceful ? 1 : 2, Math::max);
    Driver running = driver;
    if (running != null) {
      running.requestStop(graceful);
    }
  }

  /**
   * Waits until the pipeline stopped and its threads ended.
   *
   * @throws PipelineFailedException if a failure stopped it
   */
  public void awaitTermination() throws InterruptedException {
    while (!awaitTermination(Duration.ofDays(1))) {
      // keep waiting: the wait has no bound
    }
  }

  /**
   * Like {@link #awaitTermination()}, for at most {@code timeout}: whether it stopped.
   *
   * @throws PipelineFailedException if a failure stopped it
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    checkNotOwnThread("awaitTermination");
    long deadline = System.nanoTime() + Termination.nanos(timeout);
    if (!termination.await(timeout)) {
      return false;
    }
    Driver ended = driver;
    if (ended != null) {
      // the driver releases waiters as its last act; let its thread finish too
      long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      ended.thread().join(remainingMillis);
      if (ended.thread().isAlive()) {
        return false;
      }
    }
    termination.throwIfFailed();
    return true;
  }

  /**
   * Waits up to {@code timeout} for the batch at {@code batchTime} to complete: whether it did.
   *
   * @throws PipelineFailedException if a failure stopped the pipeline first
   */
  public boolean awaitBatch(long batchTime, Duration timeout) throws InterruptedException {
    checkNotOwnThread("awaitBatch");
    return termination.awaitBatch(batchTime, timeout);
  }

  /**
   * Throws if the current thread belongs to this pipeline (a listener on the driver, a sink on a
   * worker, a receiver), where waiting for the pipeline would wait for itself.
   *
   * @throws IllegalStateException naming {@code method} and the thread
   */
  public void checkNotOwnThread(String method) {
    Driver running = driver;
    Thread current = Thread.currentThread();
    if (running != null && running.owns(current)) {
      throw new IllegalStateException(
          method
              + " called from "
              + current.getName()
              + ", a thread "
              + "of "
              + name()
              + ", which would wait for itself; use requestStop");
    }
  }

  /** A driver for the first start: batch 0 is the first after the clock's time now. */
  private Driver newDriver(Checkpointing checkpointing) {
    long first = firstBatchTime(clock.millis(), intervalMillis);
    return new Driver(
        program,
        intervalMillis,
        parallelism,
        clock,
        limits,
        first,
        0,
        checkpointing,
        reporter,
        termination,
        bounded);
  }

  /** Opens the checkpoint directory and makes a driver that goes on from what it holds. */
  private Driver recover() {
    long startNanos = System.nanoTime();
    List<String> inputNames = program.inputs().stream().map(InputSlot::name).toList();
    Checkpointing checkpointing =
        Checkpointing.open(
            checkpoint,
            program,
            Duration.ofMillis(intervalMillis),
            () -> firstBatchTime(clock.millis(), intervalMillis),
            inputNames);
    try {
      checkpointing.restoreState();
      Driver recovered =
          new Driver(
              program,
              intervalMillis,
              parallelism,
              clock,
              limits,
              checkpointing.nextBatchTime(),
              checkpointing.nextIndex(),
              checkpointing,
              reporter,
              termination,
              bounded);
      checkpointing.logStart(
          recovered.unreplayableInputs(), (System.nanoTime() - startNanos) / 1_000_000);
      log.info(
          "Output guarantees of {} after a crash: {}", name(), Checkpointing.guarantees(program));
      return recovered;
    } catch (RuntimeException e) {
      try {
        checkpointing.close();
      } catch (java.io.IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void stopUnstarted() {
    ResourceCloser.closeAll(program);
    log.info("Stopped {} before it started", name());
    reporter.stopped(null);
    termination.terminate(null);
  }

  private String describeInputs() {
    StringJoiner inputs = new StringJoiner(", ", "[", "]");
    for (InputSlot input : program.inputs()) {
      String source;
      try {
        source = input.source().describe();
      } catch (RuntimeException e) {
        source = "<describe() threw " + e + ">";
      }
      inputs.add(input.name() + " from " + source);
    }
    return inputs.toString();
  }

  private String describeOutputs() {
    StringJoiner outputs = new StringJoiner(", ", "[", "]");
    for (OutputSlot output : program.outputs()) {
      outputs.add(output.name());
    }
    return outputs.toString();
  }
}
