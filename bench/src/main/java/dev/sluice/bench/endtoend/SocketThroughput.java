package dev.sluice.bench.endtoend;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * WordCount throughput through the socket source over loopback: a {@link LineServer} writes the
 * corpus as fast as the pipeline takes it (TCP flow control and the receiver's bounded queue push
 * back), on the wall clock. The rate is taken between the first batch whose counts pass the warm-up
 * words and the batch that completes the last word, from the counts the sink receives.
 */
final class SocketThroughput {

  private SocketThroughput() {}

  /** Words per second over the batches after {@code warmupBatches} of {@code rounds} rounds. */
  static double run(
      List<List<String>> batches,
      int rounds,
      int warmupBatches,
      int parallelism,
      long intervalMillis)
      throws Exception {
    long total = (long) batches.size() * rounds * Corpus.WORDS_PER_BATCH;
    long warmupWords = (long) warmupBatches * Corpus.WORDS_PER_BATCH;
    Timing timing = new Timing(total, warmupWords);
    try (LineServer server = new LineServer(batches, rounds)) {
      StreamingPipeline pipeline =
          WordCountPipeline.builder()
              .lines(Sources.socketText("127.0.0.1", server.port()))
              .print(timing)
              .parallelism(parallelism)
              .batchInterval(Duration.ofMillis(intervalMillis))
              .build();
      pipeline.start();
      try {
        if (!timing.done.await(10, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the socket run did not finish in 10 minutes");
        }
      } finally {
        pipeline.stop(true); // the last empty batches, then the end
      }
    }
    return timing.rate();
  }

  /**
   * Counts the words the sink receives and times the measured ones.
   *
   * <p><b>Threads:</b> {@code write} by the engine, one batch at a time; {@code rate} after {@code
   * done} opened, which publishes the timing fields.
   */
  private static final class Timing implements Sink<KV<String, Long>> {
    private final long total;
    private final long warmupWords;
    private final CountDownLatch done = new CountDownLatch(1);
    private long words;
    private long startNanos;
    private long startWords = -1;
    private long endNanos;

    Timing(long total, long warmupWords) {
      this.total = total;
      this.warmupWords = warmupWords;
    }

    @Override
    public void write(Batch<KV<String, Long>> batch) {
      long now = System.nanoTime();
      for (KV<String, Long> count : batch) {
        words += count.value();
      }
      if (startWords < 0 && words >= warmupWords) {
        startNanos = now;
        startWords = words;
      }
      if (words >= total && endNanos == 0) {
        endNanos = now;
        done.countDown();
      }
    }

    double rate() {
      return (words - startWords) / ((endNanos - startNanos) / 1e9);
    }
  }
}
