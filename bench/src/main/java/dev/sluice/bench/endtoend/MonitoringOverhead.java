package dev.sluice.bench.endtoend;

import dev.sluice.bench.workload.Corpus;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.examples.WordCountPipeline.Builder;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What monitoring costs: the generated WordCount at parallelism 2, back to back as in {@link
 * InMemoryThroughput}, with the web UI, its metrics and an event log on, against all of it off
 * ({@code --no-ui}), in interleaved rounds of one JVM run; the figure is the ratio of the medians
 * (the issue asks for at least 0.98).
 */
final class MonitoringOverhead {

  private final List<List<String>> batches;
  private final int warmup;
  private final long measuredWords;

  /** Runs over {@code batches}, of which the first {@code warmup} are not timed. */
  MonitoringOverhead(List<List<String>> batches, int warmup) {
    this.batches = batches;
    this.warmup = warmup;
    this.measuredWords = (long) (batches.size() - warmup) * Corpus.WORDS_PER_BATCH;
  }

  /** {@code rounds} interleaved rounds of off and on; the median words per second of each. */
  double[] run(int rounds, Results results) throws Exception {
    double[] off = new double[rounds];
    double[] on = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      off[round] = measuredWords / sluice(false);
      on[round] = measuredWords / sluice(true);
      results.note(
          "    round %d: monitoring off %.2f, on %.2f M words/s",
          round + 1, off[round] / 1e6, on[round] / 1e6);
    }
    return new double[] {InMemoryThroughput.median(off), InMemoryThroughput.median(on)};
  }

  private double sluice(boolean monitoring) throws Exception {
    ManualClock clock = BatchClock.manual(0);
    AtomicLong words = new AtomicLong();
    Path events = Files.createTempDirectory("sluice-bench-events");
    try {
      Builder builder =
          WordCountPipeline.builder()
              .lines(Sources.batches(batches))
              .print(
                  Sinks.foreachBatch(
                      (time, counts) -> {
                        long sum = 0;
                        for (var count : counts) {
                          sum += count.value();
                        }
                        words.addAndGet(sum);
                      }))
              .clock(clock)
              .parallelism(2)
              .batchInterval(Duration.ofSeconds(1));
      StreamingPipeline pipeline =
          monitoring ? builder.uiPort(0).eventLog(events).build() : builder.ui(false).build();
      double seconds = BackToBack.measuredSeconds(pipeline, clock, batches.size(), warmup);
      if (words.get() != (long) batches.size() * Corpus.WORDS_PER_BATCH) {
        throw new IllegalStateException("counted " + words.get() + " words");
      }
      return seconds;
    } finally {
      try (Stream<Path> files = Files.walk(events)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
