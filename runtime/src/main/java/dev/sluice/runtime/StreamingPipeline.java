package dev.sluice.runtime;

import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;

/**
 * A built pipeline: start it, wait for it, stop it. Made by a generated builder.
 *
 * <p>STUB: the engine fills this in.
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

  /** Starts receiving and processing batches. */
  public void start() {}

  /** Stops after processing everything already received (graceful) or at once. */
  public void stop(boolean graceful) {}

  /** Blocks until the pipeline has stopped; rethrows the failure that stopped it, if any. */
  public void awaitTermination() throws InterruptedException {}

  /** Stops at once. */
  @Override
  public void close() {
    stop(false);
  }
}
