package dev.sluice.bench.endtoend;

import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.ManualClock;
import java.time.Duration;

/**
 * Runs a pipeline's batches back to back for the throughput sections: the manual clock advances one
 * 1-second interval as soon as the previous batch completed, so the time taken is the engine's
 * processing rate, not the batch interval.
 *
 * <p><b>Threads:</b> the benchmark's main thread; the pipeline runs on its own.
 */
final class BackToBack {

  private BackToBack() {}

  /**
   * Starts {@code pipeline} (built with {@code clock} and a 1 s interval), runs {@code batches}
   * batches, stops it, and returns the seconds taken by the batches after the first {@code warmup}.
   *
   * @throws IllegalStateException if a batch does not complete within a minute
   */
  static double measuredSeconds(
      StreamingPipeline pipeline, ManualClock clock, int batches, int warmup)
      throws InterruptedException {
    pipeline.start();
    try {
      long start = 0;
      for (int b = 1; b <= batches; b++) {
        if (b == warmup + 1) {
          start = System.nanoTime();
        }
        clock.advance(Duration.ofSeconds(1));
        if (!pipeline.awaitBatch(b * 1000L, Duration.ofMinutes(1))) {
          throw new IllegalStateException("batch " + b + " did not complete in a minute");
        }
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pipeline.stop(false);
    }
  }
}
