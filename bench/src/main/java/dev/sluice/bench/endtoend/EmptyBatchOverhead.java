package dev.sluice.bench.endtoend;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;

/**
 * The fixed cost of a batch: empty batches through the WordCount pipeline (both segments and the
 * sink run, with nothing in them), with a manual clock.
 *
 * <p>Two figures per batch: the <em>round trip</em>, from the clock tick that closes the batch to
 * {@code awaitBatch} returning on the ticking thread (sealing, both segments on the workers, the
 * output task, and the thread hand-offs and wake-ups on the way), and the engine's own
 * <em>processing time</em> ({@code BatchInfo.processingTime}: first task start to sink written).
 * Two paces: back to back (the next tick right after the last batch, so the engine's threads are
 * still spinning) and spaced (2 ms apart, so every thread has parked and must be woken, as with a
 * real batch interval).
 */
final class EmptyBatchOverhead {

  /** Medians and 99th percentiles, in microseconds. */
  record Overhead(
      double roundTripP50, double roundTripP99, double processingP50, double processingP99) {}

  private EmptyBatchOverhead() {}

  /** Runs {@code warmup} then {@code batches} empty batches, spaced by {@code pauseMillis}. */
  static Overhead run(int parallelism, int warmup, int batches, long pauseMillis) throws Exception {
    Histogram roundTrip = new Histogram(60_000_000_000L, 3);
    Histogram processing = new Histogram(60_000_000_000L, 3);
    ManualClock clock = BatchClock.manual(0);
    long firstMeasured = (warmup + 1) * 1000L;
    StreamingPipeline pipeline =
        WordCountPipeline.builder()
            .lines(Sources.queue(new ConcurrentLinkedQueue<Collection<String>>()))
            .print((Sink<KV<String, Long>>) batch -> {})
            .listener(
                new StreamingListener() {
                  @Override
                  public void onBatchCompleted(BatchInfo batch) {
                    if (batch.batchTime() >= firstMeasured) {
                      processing.recordValue(batch.processingTime().toNanos());
                    }
                  }
                })
            .clock(clock)
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1))
            .build();
    pipeline.start();
    try {
      for (int b = 1; b <= warmup + batches; b++) {
        long start = System.nanoTime();
        clock.advance(Duration.ofSeconds(1));
        if (!pipeline.awaitBatch(b * 1000L, Duration.ofMinutes(1))) {
          throw new IllegalStateException("empty batch " + b + " did not complete in a minute");
        }
        long nanos = System.nanoTime() - start;
        if (b > warmup) {
          roundTrip.recordValue(nanos);
        }
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis); // pacing of the benchmark, so that the engine parks
        }
      }
    } finally {
      pipeline.stop(false); // its termination publishes the listener's histogram
    }
    return new Overhead(
        roundTrip.getValueAtPercentile(50) / 1e3,
        roundTrip.getValueAtPercentile(99) / 1e3,
        processing.getValueAtPercentile(50) / 1e3,
        processing.getValueAtPercentile(99) / 1e3);
  }
}
