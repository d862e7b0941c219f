package dev.sluice.runtime;

import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;

/**
 * A built pipeline: start it, wait for it, stop it. Made by a generated builder.
 *
 * <p>STUB: the engine fills this in; the signatures are the contract.
 */
public final class StreamingPipeline implements AutoCloseable {

  StreamingPipeline(
      PipelineProgram program,
      Duration batchInterval,
      int parallelism,
      BatchClock clock,
      List<StreamingListener> listeners) {
    throw new UnsupportedOperationException("engine not written yet");
  }

  /** The pipeline's name. */
  public String name() {
    throw new UnsupportedOperationException();
  }

  /**
   * Starts the receivers, the driver and the workers.
   *
   * @throws IllegalStateException if already started
   */
  public void start() {}

  /**
   * Asks the pipeline to stop and returns at once; callable from any thread, listeners included.
   * A graceful stop stops the receivers, then processes everything they delivered; an immediate
   * stop drops the batches not yet processed and logs how many records that was.
   */
  public void requestStop(boolean graceful) {}

  /** {@link #requestStop} then {@link #awaitTermination()}; not from a listener. */
  public void stop(boolean graceful) throws InterruptedException {}

  /**
   * Blocks until the pipeline has stopped.
   *
   * @throws PipelineFailedException if a failure stopped it
   */
  public void awaitTermination() throws InterruptedException {}

  /** Like {@link #awaitTermination()}, for at most {@code timeout}; whether it stopped. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return false;
  }

  /**
   * Blocks until the batch at {@code batchTime} (ms) has completed, for at most {@code timeout}:
   * whether it completed. With a manual clock this is how a test knows a batch is done.
   *
   * @throws PipelineFailedException if a failure stopped the pipeline first
   */
  public boolean awaitBatch(long batchTime, Duration timeout) throws InterruptedException {
    return false;
  }

  /** Stops at once and waits for the threads to end. */
  @Override
  public void close() {}
}
