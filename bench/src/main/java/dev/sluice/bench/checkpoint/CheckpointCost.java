package dev.sluice.bench.checkpoint;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.examples.RunningWordCountPipeline;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * What checkpointing costs, in one JVM run, each figure beside the same run without it:
 *
 * <ul>
 *   <li>the round trip of an empty batch through WordCount (clock tick to {@code awaitBatch}), so
 *       the difference is the per-batch commit cost: the plan's forced write and the commit record;
 *   <li>the throughput of a stateful word count ({@code @UpdateStateByKey}, RunningWordCount) over
 *       the bench corpus, batches back to back, rounds interleaved (the order alternating), as a
 *       ratio.
 * </ul>
 *
 * <p>Both contenders share one JVM, so this is a first look, not a figure under the fair rules of
 * docs/benchmarks.md (a fresh JVM per contender and round).
 *
 * <p>Usage: {@code CheckpointCost [--quick] [--dir DIR]}; the checkpoint directories go under
 * {@code DIR} (default: a new directory under {@code java.io.tmpdir}, on local disk).
 */
public final class CheckpointCost {

  private CheckpointCost() {}

  /** Runs both measurements and prints them. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    boolean quick = List.of(args).contains("--quick");
    int dirArg = List.of(args).indexOf("--dir");
    Path root =
        dirArg >= 0
            ? Path.of(args[dirArg + 1])
            : Files.createTempDirectory("sluice-checkpoint-cost");
    int emptyBatches = quick ? 300 : 3000;
    for (int parallelism : new int[] {1, 2}) {
      emptyBatches(root, parallelism, emptyBatches / 3, emptyBatches, false); // warm the JIT
      double[] off = emptyBatches(root, parallelism, emptyBatches / 3, emptyBatches, false);
      double[] on = emptyBatches(root, parallelism, emptyBatches / 3, emptyBatches, true);
      System.out.printf(
          Locale.ROOT,
          "empty batch, p%d: round trip p50 %.0f us / p99 %.0f us "
              + "without checkpoint, p50 %.0f us / p99 %.0f us with; commit cost p50 %.0f us%n",
          parallelism,
          off[0],
          off[1],
          on[0],
          on[1],
          on[0] - off[0]);
    }
    List<List<String>> corpus = Corpus.standard().batches(quick ? 8 : 40);
    int warmup = quick ? 3 : 10;
    int rounds = quick ? 1 : 4;
    for (int parallelism : new int[] {1, 2}) {
      double offSum = 0;
      double onSum = 0;
      for (int round = 0; round < rounds; round++) {
        // alternate which runs first, so that neither always gets the colder JIT
        boolean onFirst = round % 2 == 1;
        double on = onFirst ? stateful(root, corpus, warmup, parallelism, true) : 0;
        double off = stateful(root, corpus, warmup, parallelism, false);
        if (!onFirst) {
          on = stateful(root, corpus, warmup, parallelism, true);
        }
        System.out.printf(
            Locale.ROOT,
            "stateful word count, p%d, round %d: %.2f M words/s "
                + "without checkpoint, %.2f with: %.3f%n",
            parallelism,
            round + 1,
            off,
            on,
            on / off);
        offSum += off;
        onSum += on;
      }
      System.out.printf(
          Locale.ROOT,
          "stateful word count, p%d: checkpointing keeps %.3f of the "
              + "throughput (mean of %d rounds)%n",
          parallelism,
          onSum / offSum,
          rounds);
    }
    deleteTree(root);
  }

  /** Round-trip p50 and p99 in microseconds of {@code batches} empty batches after warm-up. */
  private static double[] emptyBatches(
      Path root, int parallelism, int warmup, int batches, boolean checkpoint) throws Exception {
    ManualClock clock = BatchClock.manual(0);
    WordCountPipeline.Builder builder =
        WordCountPipeline.builder()
            .lines(Sources.batches(List.of()))
            .print((Sink<KV<String, Long>>) batch -> {})
            .clock(clock)
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1));
    if (checkpoint) {
      builder.checkpoint(Files.createTempDirectory(root, "empty"));
    }
    StreamingPipeline pipeline = builder.build();
    Histogram roundTrip = new Histogram(60_000_000_000L, 3);
    runBatches(
        pipeline,
        clock,
        warmup + batches,
        (batch, nanos) -> {
          if (batch > warmup) {
            roundTrip.recordValue(nanos);
          }
        });
    return new double[] {
      roundTrip.getValueAtPercentile(50) / 1e3, roundTrip.getValueAtPercentile(99) / 1e3
    };
  }

  /** Millions of words a second of RunningWordCount over {@code corpus}, after warm-up. */
  private static double stateful(
      Path root, List<List<String>> corpus, int warmup, int parallelism, boolean checkpoint)
      throws Exception {
    ManualClock clock = BatchClock.manual(0);
    RunningWordCountPipeline.Builder builder =
        RunningWordCountPipeline.builder()
            .lines(Sources.batches(corpus))
            .print((Sink<KV<String, Long>>) batch -> {})
            .clock(clock)
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1));
    if (checkpoint) {
      builder.checkpoint(Files.createTempDirectory(root, "stateful"));
    }
    long[] measured = {0};
    runBatches(
        builder.build(),
        clock,
        corpus.size(),
        (batch, nanos) -> {
          if (batch > warmup) {
            measured[0] += nanos;
          }
        });
    double seconds = measured[0] / 1e9;
    return (corpus.size() - warmup) * (double) Corpus.WORDS_PER_BATCH / seconds / 1e6;
  }

  /** Told of each batch's round trip: its number from 1 and the nanoseconds it took. */
  private interface RoundTrips {
    void batch(int batch, long nanos);
  }

  /**
   * Starts {@code pipeline}, closes {@code batches} one-second batches back to back (the next right
   * after the last completed), telling {@code roundTrips} of each, and stops it.
   */
  private static void runBatches(
      StreamingPipeline pipeline, ManualClock clock, int batches, RoundTrips roundTrips)
      throws InterruptedException {
    pipeline.start();
    try {
      for (int b = 1; b <= batches; b++) {
        long start = System.nanoTime();
        clock.advance(Duration.ofSeconds(1));
        if (!pipeline.awaitBatch(b * 1000L, Duration.ofMinutes(1))) {
          throw new IllegalStateException("batch " + b + " did not complete in a minute");
        }
        roundTrips.batch(b, System.nanoTime() - start);
      }
    } finally {
      pipeline.stop(false);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
