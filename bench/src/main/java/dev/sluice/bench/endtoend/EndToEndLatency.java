package dev.sluice.bench.endtoend;

import dev.sluice.bench.workload.Corpus;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency of WordCount on the wall clock: {@link PacedLines} hands lines to the pipeline
 * at a fixed rate, {@link LatencySink} measures, for every line, the time from its due time at the
 * source to the sink receiving its batch's counts. Beside it, to explain a tail: the measured
 * batches' scheduling delays and processing times ({@link BatchDelays}) and the garbage collections
 * from the first measured line on ({@link GcPauses}).
 *
 * <p>Each run starts from a collected heap ({@code System.gc()}), so that the garbage of earlier
 * runs and the corpus's first promotion to the old generation are not charged to it.
 */
final class EndToEndLatency {

  /** Percentiles in milliseconds, the batches measured and the source's worst lag. */
  record Latency(
      double p50,
      double p99,
      double p999,
      double max,
      int batches,
      double maxLagMillis,
      long lines,
      int gcs,
      long gcMaxMillis,
      double processingP50,
      double processingP99,
      double schedulingP99) {}

  private EndToEndLatency() {}

  /**
   * Runs WordCount at {@code parallelism} with batches of {@code intervalMillis}, fed {@code
   * wordsPerSecond}, for {@code warmupSeconds} not measured and then {@code measureSeconds}; with a
   * checkpoint directory if {@code checkpoint} is not {@code null} (the batch log and the
   * receiver's write-ahead log on local disk).
   */
  static Latency run(
      List<String> lines,
      int parallelism,
      long intervalMillis,
      double wordsPerSecond,
      double warmupSeconds,
      double measureSeconds,
      Path checkpoint,
      boolean writeAheadLog)
      throws Exception {
    double linesPerSecond = wordsPerSecond / Corpus.WORDS_PER_LINE;
    int warmupLines = (int) (linesPerSecond * warmupSeconds);
    int total = warmupLines + (int) (linesPerSecond * measureSeconds);
    PacedLines source = new PacedLines(lines, linesPerSecond, total);
    LatencySink sink = new LatencySink(source, warmupLines);
    BatchDelays delays = new BatchDelays(sink::measuring);
    WordCountPipeline.Builder builder =
        WordCountPipeline.builder()
            .lines(source)
            .print(sink)
            .listener(delays)
            .parallelism(parallelism)
            .batchInterval(Duration.ofMillis(intervalMillis));
    if (checkpoint != null) {
      builder.checkpoint(checkpoint).writeAheadLog(writeAheadLog);
    }
    StreamingPipeline pipeline = builder.build();
    System.gc(); // a clean heap: see the class comment
    GcPauses gc = new GcPauses();
    pipeline.start();
    try {
      long deadline =
          System.nanoTime()
              + (long) ((warmupSeconds + measureSeconds) * 2e9)
              + Duration.ofMillis(intervalMillis).toNanos()
              + 30_000_000_000L;
      while (sink.linesSeen() < total) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + sink.linesSeen() + " of " + total + " lines reached the sink");
        }
        Thread.sleep(5); // polling the benchmark's progress, off the measured path
      }
    } finally {
      pipeline.stop(true); // its termination publishes the sink's histogram
      gc.close();
    }
    Histogram latency = sink.latency();
    long measuredFrom = source.dueNanos(warmupLines);
    return new Latency(
        latency.getValueAtPercentile(50) / 1e6,
        latency.getValueAtPercentile(99) / 1e6,
        latency.getValueAtPercentile(99.9) / 1e6,
        latency.getMaxValue() / 1e6,
        sink.batches(),
        source.maxLagNanos() / 1e6,
        latency.getTotalCount(),
        gc.count(measuredFrom),
        gc.maxMillis(measuredFrom),
        delays.processing().getValueAtPercentile(50) / 1e3,
        delays.processing().getValueAtPercentile(99) / 1e3,
        delays.scheduling().getValueAtPercentile(99) / 1e3);
  }
}
