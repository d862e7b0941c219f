package dev.sluice.bench.fair;

import dev.sluice.bench.endtoend.Machine;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WordCount as a bounded run, the batch job of the streaming pipeline ({@code runOnce()}, what
 * {@code --once} runs), against the hand-written loop over the same in-memory batches, under {@link
 * FairThroughput}'s rules: each contender in a fresh JVM for every round, the order rotating from
 * round to round, medians with min-max ranges, ratios taken within a round, raw rows written out.
 *
 * <p>Two figures per contender. <b>Job</b>: words over the wall time of the whole run, from the
 * call that starts it (building the pipeline, starting and stopping its threads, JIT compilation
 * included) to its return, as a user of {@code --once} waits for it. <b>Steady</b>: words over the
 * time of the batches after the first {@code warmup}, measured between the outputs of batch {@code
 * warmup - 1} and of the last batch, as the streaming throughput figure is. The loops are {@link
 * TightWordCount} and {@link TightTwoThreadWordCount} (parallel merge) with {@code split(" ")}, the
 * tokenizer of the WordCount example.
 *
 * <p>Usage: {@code BoundedRunThroughput [--rounds N] [--batches N] [--warmup N] [--out FILE]}.
 */
public final class BoundedRunThroughput {

  /** The contenders: a loop and a bounded run per thread count. */
  static final List<String> CONTENDERS = List.of("loop1", "once1", "loop2", "once2");

  /** The ratios reported: the bounded run over the loop with the same threads. */
  static final Map<String, String> RATIOS = Map.of("once1", "loop1", "once2", "loop2");

  private BoundedRunThroughput() {}

  /** Runs the rounds, or with {@code --one NAME}, one contender in this JVM. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    List<String> given = List.of(args);
    int batches = FairThroughput.option(given, "--batches", 30);
    int warmup = FairThroughput.option(given, "--warmup", 10);
    int one = given.indexOf("--one");
    if (one >= 0) {
      double[] seconds = run(args[one + 1], Corpus.standard().batches(batches), warmup);
      System.out.println("RESULT " + seconds[0] + " " + seconds[1]);
      return;
    }
    int rounds = FairThroughput.option(given, "--rounds", 5);
    int outArg = given.indexOf("--out");
    Path out = outArg >= 0 ? Path.of(args[outArg + 1]) : Path.of("bounded-run.tsv");
    double jobWords = (double) batches * Corpus.WORDS_PER_BATCH;
    double steadyWords = (double) (batches - warmup) * Corpus.WORDS_PER_BATCH;
    Map<String, double[][]> rates = new LinkedHashMap<>(); // name -> {job, steady} per round
    CONTENDERS.forEach(name -> rates.put(name, new double[2][rounds]));
    try (PrintStream rows =
        FairThroughput.rows(
            out, "round\tposition\tcontender\tjob_M_words_per_s\tsteady_M_words_per_s\tload1")) {
      for (int round = 0; round < rounds; round++) {
        for (int position = 0; position < CONTENDERS.size(); position++) {
          String name = CONTENDERS.get((position + round) % CONTENDERS.size());
          double load = Machine.load();
          String[] result =
              FairThroughput.fresh(BoundedRunThroughput.class, name, batches, warmup).split(" ");
          double job = jobWords / Double.parseDouble(result[0]);
          double steady = steadyWords / Double.parseDouble(result[1]);
          rates.get(name)[0][round] = job;
          rates.get(name)[1][round] = steady;
          rows.printf(
              Locale.ROOT,
              "%d\t%d\t%s\t%.3f\t%.3f\t%.2f%n",
              round + 1,
              position,
              name,
              job / 1e6,
              steady / 1e6,
              load);
          System.out.printf(
              Locale.ROOT,
              "round %d: %-6s job %6.2f, steady %6.2f M words/s (load %.2f)%n",
              round + 1,
              name,
              job / 1e6,
              steady / 1e6,
              load);
        }
      }
    }
    System.out.println();
    for (String name : CONTENDERS) {
      System.out.printf(
          Locale.ROOT,
          "%-6s job %s, steady %s M words/s%n",
          name,
          FairThroughput.range(rates.get(name)[0], 1e6),
          FairThroughput.range(rates.get(name)[1], 1e6));
    }
    for (String once : List.of("once1", "once2")) {
      String loop = RATIOS.get(once);
      for (int figure = 0; figure < 2; figure++) {
        double[] perRound = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          perRound[r] = rates.get(once)[figure][r] / rates.get(loop)[figure][r];
        }
        System.out.printf(
            Locale.ROOT,
            "%s / %s, %s: %s%n",
            once,
            loop,
            figure == 0 ? "job" : "steady",
            FairThroughput.range(perRound, 1));
      }
    }
    System.out.println("raw rows: " + out.toAbsolutePath());
  }

  /**
   * Runs contender {@code name} over {@code batches}: the seconds of the whole run and of the
   * batches after the first {@code warmup}.
   */
  static double[] run(String name, List<List<String>> batches, int warmup) throws Exception {
    long expected = (long) batches.size() * Corpus.WORDS_PER_BATCH;
    long[] marks = new long[2]; // the end of batch warmup - 1, the end of the last batch
    AtomicLong words = new AtomicLong();
    long start = System.nanoTime();
    if (name.startsWith("once")) {
      WordCountPipeline.builder()
          .lines(Sources.batches(batches))
          .print(
              Sinks.foreachBatch(
                  (time, index, counts) -> {
                    words.addAndGet(FairThroughput.sum(counts));
                    mark(marks, index, warmup, batches.size());
                  }))
          .parallelism(name.equals("once1") ? 1 : 2)
          .ui(false)
          .runOnce();
    } else if (name.equals("loop1")) {
      TightWordCount counter = new TightWordCount(false);
      for (int b = 0; b < batches.size(); b++) {
        List<String> lines = batches.get(b);
        words.addAndGet(TightWordCount.words(counter.count(lines, 0, lines.size())));
        mark(marks, b, warmup, batches.size());
      }
    } else {
      try (TightTwoThreadWordCount counter = new TightTwoThreadWordCount(false, true)) {
        for (int b = 0; b < batches.size(); b++) {
          words.addAndGet(counter.count(batches.get(b)));
          mark(marks, b, warmup, batches.size());
        }
      }
    }
    long end = System.nanoTime();
    FairThroughput.check(name, words.get(), expected);
    return new double[] {(end - start) / 1e9, (marks[1] - marks[0]) / 1e9};
  }

  /** Notes the time batch {@code index} ended if it is the last of the warm-up or of the run. */
  private static void mark(long[] marks, long index, int warmup, int batches) {
    if (index == warmup - 1) {
      marks[0] = System.nanoTime();
    }
    if (index == batches - 1) {
      marks[1] = System.nanoTime();
    }
  }
}
