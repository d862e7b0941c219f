package dev.sluice.bench.endtoend;

import dev.sluice.api.KV;
import dev.sluice.bench.pipelines.WindowedCountsPipeline;
import dev.sluice.bench.workload.HandWrittenWindowedCount;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained throughput of the generated windowed word count ({@link
 * dev.sluice.bench.pipelines.WindowedCounts}: a 30-batch window sliding every batch, with an
 * inverse) through the real runtime at parallelism 1 and 2, against the hand-written incremental
 * window ({@link HandWrittenWindowedCount}) on one thread, in interleaved rounds of one JVM run;
 * the figure of each is the median over the rounds.
 *
 * <p>Like {@link InMemoryThroughput}: one input batch per batch from {@code Sources.batches}, a
 * manual clock advanced as soon as the previous batch completed, the warm-up batches (which fill
 * the window) processed first and the rest timed. Both contenders produce every slide's output (a
 * {@code KV} per word ever seen) and sum its counts; the last slide must count the words of the
 * last 30 batches, and Sluice's sum must equal the hand-written one.
 *
 * <p><b>Threads:</b> the benchmark's main thread. A Sluice run's sink runs on the pipeline's
 * threads and hands its sum back through an {@link AtomicLong}, read after the last batch has
 * completed.
 */
final class WindowedThroughput {

  /** Batches in the window of {@code WindowedCounts}: 30 s over a 1 s batch interval. */
  static final int WINDOW = 30;

  /** Median words per second of the three contenders. */
  record Rates(double handWritten, double sluice1, double sluice2) {}

  /** One run: seconds over the measured batches, and the words its last slide counted. */
  record Run(double seconds, long lastWindowWords) {}

  private final List<List<String>> batches;
  private final int warmup;
  private final long measuredWords;
  private final long lastWindowWords;

  /** Runs over {@code batches}, of which the first {@code warmup} are not timed. */
  WindowedThroughput(List<List<String>> batches, int warmup) {
    if (warmup < 0 || warmup >= batches.size()) {
      throw new IllegalArgumentException(
          warmup + " warm-up batches leave none of " + batches.size() + " to measure");
    }
    this.batches = batches;
    this.warmup = warmup;
    this.measuredWords = words(batches.subList(warmup, batches.size()));
    this.lastWindowWords =
        words(batches.subList(Math.max(0, batches.size() - WINDOW), batches.size()));
  }

  /**
   * The first {@code count} tenths of {@code batches}, each batch cut into ten consecutive runs of
   * lines, in order; views, not copies.
   *
   * @throws IllegalArgumentException if a batch does not cut into tenths, or there are too few
   */
  static List<List<String>> tenths(List<List<String>> batches, int count) {
    List<List<String>> tenths = new ArrayList<>(count);
    for (List<String> batch : batches) {
      if (batch.size() % 10 != 0) {
        throw new IllegalArgumentException(
            "a batch of " + batch.size() + " lines is not ten " + "equal parts");
      }
      int size = batch.size() / 10;
      for (int part = 0; part < 10 && tenths.size() < count; part++) {
        tenths.add(batch.subList(part * size, (part + 1) * size));
      }
    }
    if (tenths.size() < count) {
      throw new IllegalArgumentException(
          "need " + count + " tenths of batches, got " + tenths.size());
    }
    return tenths;
  }

  /** {@code rounds} interleaved rounds of the three; the medians. */
  Rates run(int rounds, Results results) throws Exception {
    double[][] rates = new double[3][rounds];
    for (int round = 0; round < rounds; round++) {
      Run handWritten = handWritten();
      check("the hand-written window", handWritten.lastWindowWords());
      Run sluice1 = sluice(1);
      agree("sluice p1", sluice1.lastWindowWords(), handWritten.lastWindowWords());
      Run sluice2 = sluice(2);
      agree("sluice p2", sluice2.lastWindowWords(), handWritten.lastWindowWords());
      rates[0][round] = measuredWords / handWritten.seconds();
      rates[1][round] = measuredWords / sluice1.seconds();
      rates[2][round] = measuredWords / sluice2.seconds();
      results.note(
          "    round %d: hand-written %.2f, sluice1 %.2f, sluice2 %.2f M words/s",
          round + 1, rates[0][round] / 1e6, rates[1][round] / 1e6, rates[2][round] / 1e6);
    }
    return new Rates(
        InMemoryThroughput.median(rates[0]),
        InMemoryThroughput.median(rates[1]),
        InMemoryThroughput.median(rates[2]));
  }

  /** The hand-written window over every batch, each slide's output listed then summed. */
  Run handWritten() {
    HandWrittenWindowedCount window = new HandWrittenWindowedCount(WINDOW);
    List<KV<String, Long>> output = new ArrayList<>();
    long lastSum = 0;
    long start = 0;
    for (int b = 0; b < batches.size(); b++) {
      if (b == warmup) {
        start = System.nanoTime();
      }
      window.next(batches.get(b), output);
      lastSum = sum(output);
      output.clear();
    }
    return new Run((System.nanoTime() - start) / 1e9, lastSum);
  }

  /** The generated windowed count through the runtime at {@code parallelism}. */
  Run sluice(int parallelism) throws Exception {
    ManualClock clock = BatchClock.manual(0);
    AtomicLong lastSum = new AtomicLong();
    StreamingPipeline pipeline =
        WindowedCountsPipeline.builder()
            .lines(Sources.batches(batches))
            .print(Sinks.foreachBatch((time, counts) -> lastSum.set(sum(counts))))
            .clock(clock)
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1))
            .build();
    double seconds = BackToBack.measuredSeconds(pipeline, clock, batches.size(), warmup);
    return new Run(seconds, lastSum.get());
  }

  /** The last slide must have counted every word of the last {@link #WINDOW} batches. */
  void check(String contender, long words) {
    if (words != lastWindowWords) {
      throw new IllegalStateException(
          contender
              + " counted "
              + words
              + " words in its last "
              + "window, expected "
              + lastWindowWords
              + " (the words of the last "
              + WINDOW
              + " batches)");
    }
  }

  /** Sluice's last slide must count what the hand-written one counted. */
  static void agree(String contender, long words, long handWritten) {
    if (words != handWritten) {
      throw new IllegalStateException(
          contender
              + " counted "
              + words
              + " words in its last "
              + "window, the hand-written window "
              + handWritten);
    }
  }

  private static long sum(List<KV<String, Long>> counts) {
    long sum = 0;
    for (KV<String, Long> count : counts) {
      sum += count.value();
    }
    return sum;
  }

  /** The words of {@code batches} as the pipeline splits them: empty tokens included. */
  private static long words(List<List<String>> batches) {
    long words = 0;
    for (List<String> batch : batches) {
      for (String line : batch) {
        words += line.split(" ").length;
      }
    }
    return words;
  }
}
