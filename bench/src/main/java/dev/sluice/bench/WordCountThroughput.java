package dev.sluice.bench;

import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WordCount throughput of the generated pipeline against hand-written loops doing the same
 * split-and-count, in one JVM run. Batches are fed one per tick of a manual clock, so the figure
 * is the engine's processing speed, not the batch interval.
 *
 * <p>Run: {@code mvn -B -q -Pbench package -DskipTests && java -cp "bench/target/*:..."} (see
 * the README's benchmark section).
 */
public final class WordCountThroughput {

  private static final int LINES_PER_BATCH = 50_000;
  private static final int WORDS_PER_LINE = 10;
  private static final int WARMUP_BATCHES = 10;
  private static final int MEASURED_BATCHES = 20;

  private WordCountThroughput() {}

  public static void main(String[] args) throws Exception {
    Corpus corpus = new Corpus(42, 100_000, WORDS_PER_LINE);
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < WARMUP_BATCHES + MEASURED_BATCHES; i++) {
      batches.add(corpus.lines(LINES_PER_BATCH));
    }
    long words = (long) MEASURED_BATCHES * LINES_PER_BATCH * WORDS_PER_LINE;
    System.out.printf(
        Locale.ROOT,
        "%d batches of %d lines (%d words measured, %d warm-up batches)%n",
        MEASURED_BATCHES, LINES_PER_BATCH, words, WARMUP_BATCHES);

    int rounds = 5;
    double[][] rates = new double[4][rounds];
    for (int round = 0; round < rounds; round++) {
      rates[0][round] = words / handWritten(batches, 1);
      rates[1][round] = words / handWritten(batches, 2);
      rates[2][round] = words / sluice(batches, 1);
      rates[3][round] = words / sluice(batches, 2);
    }
    double loop1 = median(rates[0]);
    double loop2 = median(rates[1]);
    double sluice1 = median(rates[2]);
    double sluice2 = median(rates[3]);
    System.out.printf(Locale.ROOT, "medians of %d interleaved rounds:%n", rounds);
    report("hand-written loop, 1 thread", loop1, loop1);
    report("hand-written loop, 2 threads", loop2, loop1);
    report("Sluice WordCount, parallelism 1", sluice1, loop1);
    report("Sluice WordCount, parallelism 2", sluice2, loop1);
    System.out.printf(
        Locale.ROOT, "ratios: sluice1/loop1 = %.2f, sluice2/loop2 = %.2f%n",
        sluice1 / loop1, sluice2 / loop2);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void report(String name, double wordsPerSecond, double baseline) {
    System.out.printf(
        Locale.ROOT, "%-34s %8.2f M words/s  (%.2f of the 1-thread loop)%n",
        name, wordsPerSecond / 1e6, wordsPerSecond / baseline);
  }

  /** Seconds the hand-written loop takes for the measured batches, after the warm-up ones. */
  private static double handWritten(List<List<String>> batches, int threads) throws Exception {
    long sink = 0;
    long start = 0;
    for (int b = 0; b < batches.size(); b++) {
      if (b == WARMUP_BATCHES) {
        start = System.nanoTime();
      }
      sink += threads == 1 ? countOne(batches.get(b)).size() : countTwo(batches.get(b)).size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (sink == 0) {
      throw new AssertionError("no words counted");
    }
    return seconds;
  }

  private static Map<String, long[]> countOne(List<String> lines) {
    return count(lines, 0, lines.size());
  }

  private static Map<String, long[]> count(List<String> lines, int from, int to) {
    Map<String, long[]> counts = new HashMap<>();
    for (int i = from; i < to; i++) {
      for (String word : lines.get(i).split(" ")) {
        long[] count = counts.get(word);
        if (count == null) {
          counts.put(word, new long[] {1});
        } else {
          count[0]++;
        }
      }
    }
    return counts;
  }

  /** Each thread counts its half into its own map; then the maps are merged. */
  private static Map<String, long[]> countTwo(List<String> lines) throws Exception {
    int half = lines.size() / 2;
    @SuppressWarnings("unchecked")
    Map<String, long[]>[] second = new Map[1];
    Thread other = new Thread(() -> second[0] = count(lines, half, lines.size()));
    other.start();
    Map<String, long[]> first = count(lines, 0, half);
    other.join();
    for (Map.Entry<String, long[]> entry : second[0].entrySet()) {
      long[] count = first.get(entry.getKey());
      if (count == null) {
        first.put(entry.getKey(), entry.getValue());
      } else {
        count[0] += entry.getValue()[0];
      }
    }
    return first;
  }

  /** Seconds the generated WordCount takes for the measured batches, after the warm-up ones. */
  private static double sluice(List<List<String>> batches, int parallelism) throws Exception {
    ManualClock clock = BatchClock.manual(0);
    AtomicLong keys = new AtomicLong();
    StreamingPipeline pipeline =
        WordCountPipeline.builder()
            .lines(Sources.batches(batches))
            .print(Sinks.foreachBatch((time, records) -> keys.addAndGet(records.size())))
            .clock(clock)
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1))
            .build();
    pipeline.start();
    long start = 0;
    try {
      for (int b = 1; b <= batches.size(); b++) {
        if (b == WARMUP_BATCHES + 1) {
          start = System.nanoTime();
        }
        clock.advance(Duration.ofSeconds(1));
        if (!pipeline.awaitBatch(b * 1000L, Duration.ofMinutes(1))) {
          throw new AssertionError("batch " + b + " did not complete");
        }
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pipeline.stop(false);
      if (keys.get() == 0) {
        throw new AssertionError("no words counted");
      }
    }
  }
}
