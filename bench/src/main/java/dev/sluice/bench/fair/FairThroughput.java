package dev.sluice.bench.fair;

import dev.sluice.bench.endtoend.Machine;
import dev.sluice.bench.pipelines.WordCountIndexOfPipeline;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WordCount throughput under rules a skeptic accepts (docs/benchmarks.md, "Fair rules"): every
 * contender in a fresh JVM of its own for every round, with this JVM's flags; at least 5 rounds,
 * the contenders' order rotating from round to round; the same corpus batches and warm-up for all;
 * the same tokenizer on both sides of every ratio; hand-written loops as tight as they go ({@link
 * TightWordCount}, {@link TightTwoThreadWordCount}); medians with the min-max range, ratios taken
 * within a round, and every raw row written out.
 *
 * <p>Sluice runs the generated WordCount ({@code split(" ")}) and {@code WordCountIndexOf} with
 * {@code Sources.batches} and a manual clock advanced as soon as the previous batch completed, the
 * web UI off (its cost is measured separately), at parallelism 1 and 2.
 *
 * <p>Usage: {@code FairThroughput [--rounds N] [--batches N] [--warmup N] [--out FILE]}.
 */
public final class FairThroughput {

  /** The contenders, by name. */
  static final List<String> CONTENDERS =
      List.of(
          "loop1-split",
          "loop1-indexof",
          "loop2-serial-split",
          "loop2-parallel-split",
          "loop2-parallel-indexof",
          "sluice1-split",
          "sluice1-indexof",
          "sluice2-split",
          "sluice2-indexof");

  /** The ratios reported: Sluice over the loop with the same tokenizer and threads. */
  static final Map<String, String> RATIOS = new LinkedHashMap<>();

  static {
    RATIOS.put("sluice1-split", "loop1-split");
    RATIOS.put("sluice1-indexof", "loop1-indexof");
    RATIOS.put("sluice2-split", "loop2-parallel-split");
    RATIOS.put("sluice2-indexof", "loop2-parallel-indexof");
  }

  private FairThroughput() {}

  /** Runs the rounds, or with {@code --one NAME}, one contender in this JVM. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    List<String> given = List.of(args);
    int batches = option(given, "--batches", 30);
    int warmup = option(given, "--warmup", 10);
    int one = given.indexOf("--one");
    if (one >= 0) {
      List<List<String>> corpus = Corpus.standard().batches(batches);
      double seconds = run(args[one + 1], corpus, warmup);
      System.out.println(
          "RESULT " + (batches - warmup) * (double) Corpus.WORDS_PER_BATCH / seconds);
      return;
    }
    int rounds = option(given, "--rounds", 5);
    int outArg = given.indexOf("--out");
    Path out = outArg >= 0 ? Path.of(args[outArg + 1]) : Path.of("fair-throughput.tsv");
    Map<String, double[]> rates = new LinkedHashMap<>();
    CONTENDERS.forEach(name -> rates.put(name, new double[rounds]));
    try (PrintStream rows = rows(out, "round\tposition\tcontender\tM_words_per_s\tload1_before")) {
      for (int round = 0; round < rounds; round++) {
        for (int position = 0; position < CONTENDERS.size(); position++) {
          String name = CONTENDERS.get((position + round * 2) % CONTENDERS.size());
          double load = Machine.load();
          double rate = fresh(name, batches, warmup);
          rates.get(name)[round] = rate;
          rows.printf(
              Locale.ROOT, "%d\t%d\t%s\t%.3f\t%.2f%n", round + 1, position, name, rate / 1e6, load);
          System.out.printf(
              Locale.ROOT,
              "round %d: %-24s %7.2f M words/s (load %.2f)%n",
              round + 1,
              name,
              rate / 1e6,
              load);
        }
      }
    }
    System.out.println();
    for (String name : CONTENDERS) {
      System.out.printf(Locale.ROOT, "%-24s %s M words/s%n", name, range(rates.get(name), 1e6));
    }
    for (Map.Entry<String, String> ratio : RATIOS.entrySet()) {
      double[] sluice = rates.get(ratio.getKey());
      double[] loop = rates.get(ratio.getValue());
      double[] perRound = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        perRound[r] = sluice[r] / loop[r];
      }
      System.out.printf(
          Locale.ROOT, "%s / %s: %s%n", ratio.getKey(), ratio.getValue(), range(perRound, 1));
    }
    System.out.println("raw rows: " + out.toAbsolutePath());
  }

  /**
   * The raw rows' file {@code out}, started with the machine, this JVM's flags and the column
   * {@code header}.
   */
  static PrintStream rows(Path out, String header) throws IOException {
    PrintStream rows = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
    rows.println("# " + Machine.describe());
    rows.println("# " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    rows.println(header);
    return rows;
  }

  /** Seconds the contender {@code name} takes for the batches after the first {@code warmup}. */
  static double run(String name, List<List<String>> batches, int warmup) throws Exception {
    boolean indexOf = name.endsWith("indexof");
    long expected = (long) batches.size() * Corpus.WORDS_PER_BATCH;
    if (name.startsWith("sluice")) {
      return sluice(name.startsWith("sluice1") ? 1 : 2, indexOf, batches, warmup, expected);
    }
    long words = 0;
    long start = 0;
    if (name.startsWith("loop1")) {
      TightWordCount counter = new TightWordCount(indexOf);
      for (int b = 0; b < batches.size(); b++) {
        if (b == warmup) {
          start = System.nanoTime();
        }
        List<String> lines = batches.get(b);
        words += TightWordCount.words(counter.count(lines, 0, lines.size()));
      }
    } else {
      try (TightTwoThreadWordCount counter =
          new TightTwoThreadWordCount(indexOf, name.contains("parallel"))) {
        for (int b = 0; b < batches.size(); b++) {
          if (b == warmup) {
            start = System.nanoTime();
          }
          words += counter.count(batches.get(b));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    check(name, words, expected);
    return seconds;
  }

  private static double sluice(
      int parallelism, boolean indexOf, List<List<String>> batches, int warmup, long expected)
      throws Exception {
    ManualClock clock = BatchClock.manual(0);
    AtomicLong words = new AtomicLong();
    PipelineBuilder<?> builder;
    if (indexOf) {
      builder =
          WordCountIndexOfPipeline.builder()
              .lines(Sources.batches(batches))
              .print(Sinks.foreachBatch((time, counts) -> words.addAndGet(sum(counts))));
    } else {
      builder =
          WordCountPipeline.builder()
              .lines(Sources.batches(batches))
              .print(Sinks.foreachBatch((time, counts) -> words.addAndGet(sum(counts))));
    }
    StreamingPipeline pipeline =
        builder
            .clock(clock)
            .parallelism(parallelism)
            .batchInterval(Duration.ofSeconds(1))
            .ui(false)
            .build();
    pipeline.start();
    long start = 0;
    try {
      for (int b = 1; b <= batches.size(); b++) {
        if (b == warmup + 1) {
          start = System.nanoTime();
        }
        clock.advance(Duration.ofSeconds(1));
        if (!pipeline.awaitBatch(b * 1000L, Duration.ofMinutes(1))) {
          throw new IllegalStateException("batch " + b + " did not complete in a minute");
        }
      }
    } finally {
      pipeline.stop(false);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    check("sluice" + parallelism, words.get(), expected);
    return seconds;
  }

  static long sum(List<? extends dev.sluice.api.KV<String, Long>> counts) {
    long sum = 0;
    for (var count : counts) {
      sum += count.value();
    }
    return sum;
  }

  static void check(String name, long words, long expected) {
    if (words != expected) {
      throw new IllegalStateException(name + " counted " + words + " words, expected " + expected);
    }
  }

  private static double fresh(String name, int batches, int warmup)
      throws IOException, InterruptedException {
    return Double.parseDouble(fresh(FairThroughput.class, name, batches, warmup));
  }

  /**
   * Runs {@code main --one name --batches batches --warmup warmup} in a fresh JVM with this JVM's
   * flags and class path; returns what it printed after {@code RESULT }, trimmed.
   */
  static String fresh(Class<?> main, String name, int batches, int warmup)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            main.getName(),
            "--one",
            name,
            "--batches",
            String.valueOf(batches),
            "--warmup",
            String.valueOf(warmup)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !output.contains("RESULT ")) {
      throw new IllegalStateException("contender " + name + " failed:\n" + output);
    }
    return output.substring(output.indexOf("RESULT ") + 7).trim();
  }

  /** The median of {@code values} in {@code unit}s, with the min-max range in brackets. */
  static String range(double[] values, double unit) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return String.format(
        Locale.ROOT, "%.3f (%.3f-%.3f)", median / unit, sorted[0] / unit, sorted[n - 1] / unit);
  }

  static int option(List<String> given, String name, int fallback) {
    int at = given.indexOf(name);
    return at >= 0 ? Integer.parseInt(given.get(at + 1)) : fallback;
  }
}
