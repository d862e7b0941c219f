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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * What checkpointing costs, in one run, each figure beside the same pipeline without it:
 *
 * <ul>
 *   <li>the round trip of an empty batch through WordCount (clock tick to {@code awaitBatch}), so
 *       the difference is the per-batch commit cost: the plan's forced write and the commit record;
 *   <li>the throughput of a stateful word count ({@code @UpdateStateByKey}, RunningWordCount) over
 *       the bench corpus, batches back to back, rounds interleaved (the order alternating), as a
 *       ratio.
 * </ul>
 *
 * <p>Every contender runs in a fresh JVM of its own for every round (this class started again with
 * {@code --one}, the parent's JVM flags and class path), at least 5 rounds, the order of the two
 * contenders alternating; the figures are medians with the min-max range over the rounds. An empty
 * batch's round trip is measured after 1,000 warm-up batches in the same JVM.
 *
 * <p>Usage: {@code CheckpointCost [--quick] [--dir DIR]}; the checkpoint directories go under
 * {@code DIR} (default: a new directory under {@code java.io.tmpdir}, on local disk).
 */
public final class CheckpointCost {

  private CheckpointCost() {}

  /** Runs every round of both measurements, each contender in a fresh JVM, and prints them. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    List<String> given = List.of(args);
    boolean quick = given.contains("--quick");
    int dirArg = given.indexOf("--dir");
    Path root =
        dirArg >= 0
            ? Path.of(args[dirArg + 1])
            : Files.createTempDirectory("sluice-checkpoint-cost");
    int one = given.indexOf("--one");
    if (one >= 0) {
      System.out.println(
          "RESULT "
              + runOne(
                  root,
                  args[one + 1],
                  Integer.parseInt(args[one + 2]),
                  args[one + 3].equals("on"),
                  quick));
      return;
    }
    int rounds = quick ? 1 : 5;
    for (String section : List.of("empty", "stateful")) {
      for (int parallelism : new int[] {1, 2}) {
        List<double[]> off = new ArrayList<>();
        List<double[]> on = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          boolean onFirst = round % 2 == 1; // neither always runs on a machine warmed by the other
          for (boolean checkpoint :
              onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
            double[] result = fresh(root, section, parallelism, checkpoint, quick);
            (checkpoint ? on : off).add(result);
          }
        }
        report(section, parallelism, off, on);
      }
    }
    deleteTree(root);
  }

  private static void report(
      String section, int parallelism, List<double[]> off, List<double[]> on) {
    if (section.equals("empty")) {
      System.out.printf(
          Locale.ROOT,
          "empty batch round trip, p%d: p50 %s us, p99 %s us without "
              + "checkpoint; p50 %s us, p99 %s us with%n",
          parallelism,
          range(off, 0, "%.0f"),
          range(off, 1, "%.0f"),
          range(on, 0, "%.0f"),
          range(on, 1, "%.0f"));
    } else {
      List<double[]> ratios = new ArrayList<>();
      for (int r = 0; r < off.size(); r++) {
        ratios.add(new double[] {on.get(r)[0] / off.get(r)[0]});
      }
      System.out.printf(
          Locale.ROOT,
          "stateful word count, p%d: %s M words/s without checkpoint, "
              + "%s with; ratio of each round %s%n",
          parallelism,
          range(off, 0, "%.2f"),
          range(on, 0, "%.2f"),
          range(ratios, 0, "%.3f"));
    }
  }

  /** The median of column {@code column} over the rounds, with the min-max range. */
  private static String range(List<double[]> rounds, int column, String format) {
    double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return String.format(
        Locale.ROOT,
        format + " (" + format + "-" + format + ")",
        values[values.length / 2],
        values[0],
        values[values.length - 1]);
  }

  /** Runs one contender in a fresh JVM with this JVM's flags and class path; its figures. */
  private static double[] fresh(
      Path root, String section, int parallelism, boolean checkpoint, boolean quick)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            CheckpointCost.class.getName(),
            "--dir",
            root.toString(),
            "--one",
            section,
            String.valueOf(parallelism),
            checkpoint ? "on" : "off"));
    if (quick) {
      command.add("--quick");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !output.contains("RESULT ")) {
      throw new IllegalStateException("contender " + command + " failed:\n" + output);
    }
    String[] figures = output.substring(output.indexOf("RESULT ") + 7).trim().split(" ");
    double[] result = new double[figures.length];
    for (int i = 0; i < figures.length; i++) {
      result[i] = Double.parseDouble(figures[i]);
    }
    return result;
  }

  /** One contender in this JVM: "p50 p99" in µs for empty batches, "M words/s" for stateful. */
  private static String runOne(
      Path root, String section, int parallelism, boolean checkpoint, boolean quick)
      throws Exception {
    if (section.equals("empty")) {
      int batches = quick ? 300 : 3000;
      double[] roundTrip = emptyBatches(root, parallelism, 1000, batches, checkpoint);
      return roundTrip[0] + " " + roundTrip[1];
    }
    List<List<String>> corpus = Corpus.standard().batches(quick ? 8 : 40);
    return String.valueOf(stateful(root, corpus, quick ? 3 : 10, parallelism, checkpoint));
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
