package dev.sluice.runtime;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.engine.BoundedRun;
import dev.sluice.runtime.engine.Engine;
import dev.sluice.runtime.engine.EngineLimits;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.ui.MonitorSettings;
import dev.sluice.runtime.ui.PipelineMonitor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A built pipeline: start it, wait for it, stop it. Made by a generated builder.
 *
 * <p>Once started, each {@code ReceiverSource} input receives on a thread of its own, a driver
 * thread cuts a batch at every batch time (also an empty one) and runs it on {@code parallelism}
 * worker threads, and each output's sink is given every batch, in batch order. See {@link
 * BatchClock} for the batch times. A bounded pipeline ({@link PipelineBuilder#buildOnce()}) cuts
 * its batches back to back and stops by itself once its inputs are exhausted and its windows
 * drained.
 *
 * <p><b>Threads:</b> every method may be called from any thread. From the pipeline's own threads
 * (listeners run on its driver, sinks on its workers, receivers on theirs) only {@link
 * #requestStop} may be called: the waiting methods would wait for themselves and throw {@link
 * IllegalStateException}.
 *
 * <p>From {@link #start()} until {@link #awaitTermination()} returns (or {@link #stop}, {@link
 * #close()}), a web UI (unless turned off) shows it at {@link #uiAddress()}, with its metrics in
 * Prometheus' format at {@code /metrics}; see {@link MonitorSettings}. It stays up after the
 * pipeline stopped or failed, so that the end can be looked at, until then.
 */
public final class StreamingPipeline implements AutoCloseable {

  private final PipelineProgram program;
  private final Engine engine;
  private final PipelineMonitor monitor;

  StreamingPipeline(
      PipelineProgram program,
      Duration batchInterval,
      int parallelism,
      BatchClock clock,
      List<StreamingListener> listeners,
      CheckpointSettings checkpoint,
      BoundedRun bounded,
      MonitorSettings monitorSettings) {
    this.program = program;
    this.monitor = new PipelineMonitor(program.name(), monitorSettings);
    List<StreamingListener> all = new ArrayList<>(monitor.listeners());
    all.addAll(listeners);
    this.engine =
        new Engine(
            program,
            batchInterval,
            parallelism,
            clock,
            all,
            EngineLimits.DEFAULTS,
            checkpoint,
            bounded);
  }

  /** The pipeline's name. */
  public String name() {
    return engine.name();
  }

  /**
   * Starts the receivers, the driver and the workers; with a checkpoint directory, first recovers
   * what it holds (see {@link PipelineBuilder#checkpoint}).
   *
   * @throws IllegalStateException if already started
   * @throws dev.sluice.runtime.checkpoint.CheckpointException if the checkpoint directory cannot be
   *     used (in use, another pipeline's, another batch interval, damaged); the message says how to
   *     go on, and the pipeline is stopped
   */
  public void start() {
    engine.start();
    monitor.start();
  }

  /**
   * Where the web UI is served, such as {@code http://127.0.0.1:4040/}; empty when it is off, could
   * not bind its port, or was stopped with the pipeline.
   */
  public Optional<URI> uiAddress() {
    return monitor.address();
  }

  /**
   * Asks the pipeline to stop and returns at once; callable from any thread, listeners included. A
   * graceful stop stops the receivers, then processes everything they delivered; an immediate stop
   * drops the batches not yet processed and logs how many records that was.
   */
  public void requestStop(boolean graceful) {
    engine.requestStop(graceful);
  }

  /** {@link #requestStop} then {@link #awaitTermination()}; not from a listener. */
  public void stop(boolean graceful) throws InterruptedException {
    engine.checkNotOwnThread("stop");
    engine.requestStop(graceful);
    awaitTermination();
  }

  /**
   * Blocks until the pipeline has stopped, then stops its web UI.
   *
   * @throws PipelineFailedException if a failure stopped it
   */
  public void awaitTermination() throws InterruptedException {
    try {
      engine.awaitTermination();
    } catch (PipelineFailedException e) {
      monitor.stop();
      throw e;
    }
    monitor.stop();
  }

  /**
   * Like {@link #awaitTermination()}, for at most {@code timeout}; whether it stopped. The web UI
   * stops once it did.
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    boolean stopped;
    try {
      stopped = engine.awaitTermination(timeout);
    } catch (PipelineFailedException e) {
      monitor.stop();
      throw e;
    }
    if (stopped) {
      monitor.stop();
    }
    return stopped;
  }

  /**
   * Blocks until the batch at {@code batchTime} (ms) has completed, for at most {@code timeout}:
   * whether it completed. With a manual clock this is how a test knows a batch is done.
   *
   * @throws PipelineFailedException if a failure stopped the pipeline first
   */
  public boolean awaitBatch(long batchTime, Duration timeout) throws InterruptedException {
    return engine.awaitBatch(batchTime, timeout);
  }

  /**
   * The stores of the pipeline's stateful stages, by stage name, as its generated program lists
   * them for snapshots; {@code null} if the program does not list them. For tools that read state
   * between batches, such as the test kit; not an API.
   *
   * <p><b>Threads:</b> workers write the stores while a batch runs, so they may be read only while
   * none does, by a thread that knows it: one that saw the last batch complete ({@link #awaitBatch}
   * publishes its writes) and holds back the next (a manual clock it alone moves).
   */
  public List<StageState<?, ?>> stageStates() {
    return program.stageStates();
  }

  /**
   * Stops at once, waits for the threads to end and stops the web UI; not from the pipeline's own
   * threads.
   */
  @Override
  public void close() {
    engine.checkNotOwnThread("close");
    engine.requestStop(false);
    try {
      engine.awaitTermination();
    } catch (PipelineFailedException e) {
      // the failure was logged and is reported by awaitTermination and awaitBatch
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      monitor.stop();
    }
  }
}
