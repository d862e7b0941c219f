package dev.sluice.bench.endtoend;

import dev.sluice.bench.workload.Corpus;
import dev.sluice.bench.workload.HandWrittenWordCount;
import dev.sluice.bench.workload.TwoThreadWordCount;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained WordCount throughput through the real runtime from an in-memory source, against the
 * hand-written 1- and 2-thread loops, in interleaved rounds of one JVM run so that all four see the
 * same machine state; the figure of each is the median over the rounds.
 *
 * <p>Sluice runs the example's generated {@code WordCountPipeline} with {@code Sources.batches}
 * (one corpus batch per batch, like {@code queueStream} one at a time) and a manual clock advanced
 * as soon as the previous batch completed: back-to-back batches, so the figure is the engine's
 * processing rate (sealing, partitioning, both segments, the sink), not the batch interval. Each
 * run, Sluice or loop, processes the warm-up batches first and is timed over the rest.
 */
final class InMemoryThroughput {

  /** Median words per second of the four contenders. */
  record Rates(double loop1, double loop2, double sluice1, double sluice2) {}

  private final List<List<String>> batches;
  private final int warmup;
  private final long measuredWords;

  /** Runs over {@code batches}, of which the first {@code warmup} are not timed. */
  InMemoryThroughput(List<List<String>> batches, int warmup) {
    this.batches = batches;
    this.warmup = warmup;
    this.measuredWords = (long) (batches.size() - warmup) * Corpus.WORDS_PER_BATCH;
  }

  /** {@code rounds} interleaved rounds of the four; the medians. */
  Rates run(int rounds, Results results) throws Exception {
    double[][] rates = new double[4][rounds];
    for (int round = 0; round < rounds; round++) {
      rates[0][round] = measuredWords / loopOne();
      rates[1][round] = measuredWords / loopTwo();
      rates[2][round] = measuredWords / sluice(1);
      rates[3][round] = measuredWords / sluice(2);
      results.note(
          "    round %d: loop1 %.2f, loop2 %.2f, sluice1 %.2f, sluice2 %.2f M words/s",
          round + 1,
          rates[0][round] / 1e6,
          rates[1][round] / 1e6,
          rates[2][round] / 1e6,
          rates[3][round] / 1e6);
    }
    return new Rates(median(rates[0]), median(rates[1]), median(rates[2]), median(rates[3]));
  }

  /** Seconds the 1-thread loop takes for the measured batches. */
  private double loopOne() {
    long words = 0;
    long start = 0;
    for (int b = 0; b < batches.size(); b++) {
      if (b == warmup) {
        start = System.nanoTime();
      }
      words += HandWrittenWordCount.words(HandWrittenWordCount.count(batches.get(b)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    check(words);
    return seconds;
  }

  /** Seconds the 2-thread loop takes for the measured batches. */
  private double loopTwo() throws InterruptedException {
    try (TwoThreadWordCount counter = new TwoThreadWordCount()) {
      long words = 0;
      long start = 0;
      for (int b = 0; b < batches.size(); b++) {
        if (b == warmup) {
          start = System.nanoTime();
        }
        words += HandWrittenWordCount.words(counter.count(batches.get(b)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      check(words);
      return seconds;
    }
  }

  /** Seconds the generated WordCount takes for the measured batches at {@code parallelism}. */
  private double sluice(int parallelism) throws Exception {
    ManualClock clock = BatchClock.manual(0);
    AtomicLong words = new AtomicLong();
    StreamingPipeline pipeline =
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
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1))
            .build();
    double seconds = BackToBack.measuredSeconds(pipeline, clock, batches.size(), warmup);
    check(words.get());
    return seconds;
  }

  /** Every run must have counted every word of every batch, warm-up included. */
  private void check(long words) {
    long expected = (long) batches.size() * Corpus.WORDS_PER_BATCH;
    if (words != expected) {
      throw new IllegalStateException("counted " + words + " words, expected " + expected);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
