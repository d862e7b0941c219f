package dev.sluice.bench.endtoend;

import dev.sluice.bench.endtoend.EmptyBatchOverhead.Overhead;
import dev.sluice.bench.endtoend.EndToEndLatency.Latency;
import dev.sluice.bench.endtoend.InMemoryThroughput.Rates;
import dev.sluice.bench.workload.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The end-to-end benchmark of issue 4, in one JVM run: sustained throughput against the
 * hand-written loops, empty-batch overhead, end-to-end latency at three batch intervals, and
 * throughput through the socket source. Writes its figures to a tab-separated file.
 *
 * <p>Usage: {@code EndToEnd [--quick] [--out FILE] [--only SECTION,...] [--rates P1,P2]
 * [--parallelism N,...] [--intervals MS,...] [--series SECTION:PARALLELISM:RATE]}. {@code --quick}
 * is a smoke run of a few seconds per part with the same code paths; {@code --only} runs some of
 * the sections {@code throughput}, {@code monitoring} (the cost of the web UI, metrics and event
 * log), {@code windowed}, {@code empty}, {@code latency}, {@code socket}; without {@code
 * throughput}, {@code --rates} gives the sustained words per second at parallelism 1 and 2 that the
 * latency and socket runs need (for profiling one section); {@code --parallelism 1,2} and {@code
 * --intervals 10,100,1000} choose the latency runs. Each latency series (one parallelism and rate
 * over the intervals) runs in a fresh JVM ({@link FreshJvm}) started with {@code --series}, which
 * runs just that series in the JVM it is given: the way to profile one. {@code bench/run.sh} runs
 * it with the JVM flags of the published figures.
 */
public final class EndToEnd {

  private EndToEnd() {}

  /** Runs everything; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    // the per-batch INFO lines of the runtime would flood the console at 10 ms batches
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    boolean quick = false;
    Path out = Path.of("bench/results/endtoend.tsv");
    Set<String> sections =
        new LinkedHashSet<>(
            List.of("throughput", "monitoring", "windowed", "empty", "latency", "socket"));
    Rates rates = null;
    int[] parallelisms = {1, 2};
    long[] intervals = {10, 100, 1000};
    String series = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> sections = new LinkedHashSet<>(List.of(args[++i].split(",")));
        case "--rates" -> {
          String[] given = args[++i].split(",");
          double p1 = Double.parseDouble(given[0]);
          double p2 = Double.parseDouble(given[1]);
          rates = new Rates(p1, p2, p1, p2);
        }
        case "--parallelism" ->
            parallelisms =
                Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--intervals" ->
            intervals = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
        case "--series" -> series = args[++i];
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + "; usage: "
                    + "EndToEnd [--quick] [--out FILE] [--only SECTION,...] [--rates P1,P2] "
                    + "[--parallelism N,...] [--intervals MS,...] [--series SECTION:PARALLELISM:RATE]");
      }
    }
    if (series != null) {
      runSeries(series, intervals, quick, out);
      return;
    }
    if (rates == null
        && !sections.contains("throughput")
        && (sections.contains("latency") || sections.contains("socket"))) {
      throw new IllegalArgumentException(
          "without the throughput section, latency and socket need --rates P1,P2");
    }
    Results results = new Results(System.out);
    String machine = Machine.describe();
    results.note(
        "Sluice end-to-end benchmark (%s mode), %s", quick ? "quick" : "full", Instant.now());
    results.note("%s", machine);

    int warmup = warmupBatches(quick);
    List<List<String>> batches = Corpus.standard().batches(corpusBatches(quick));

    if (sections.contains("throughput")) {
      rates = throughput(results, batches, warmup, quick);
    }
    if (sections.contains("monitoring")) {
      monitoring(results, batches, warmup, quick);
    }
    if (sections.contains("windowed")) {
      windowed(results, batches, quick);
    }
    if (sections.contains("empty")) {
      empty(results, quick);
    }
    if (sections.contains("latency")) {
      latency(results, rates, quick, parallelisms, intervals);
    }
    if (sections.contains("socket")) {
      socket(results, batches, warmup, rates, quick);
    }
    results.write(out, (quick ? "quick" : "full") + " run " + Instant.now() + " on " + machine);
    results.note("%nWrote %s", out);
  }

  /** The throughput section's warm-up batches. */
  private static int warmupBatches(boolean quick) {
    return quick ? 3 : 10;
  }

  /** Corpus batches of a run: the throughput section's warm-up and measured ones. */
  private static int corpusBatches(boolean quick) {
    return warmupBatches(quick) + (quick ? 5 : 20);
  }

  private static Rates throughput(
      Results results, List<List<String>> batches, int warmup, boolean quick) throws Exception {
    results.note(
        "%nThroughput: %d warm-up + %d measured batches of %d lines",
        warmup, batches.size() - warmup, Corpus.LINES_PER_BATCH);
    Rates rates = new InMemoryThroughput(batches, warmup).run(quick ? 1 : 5, results);
    results.add("throughput", 1, "hand-written loop", "words/s", rates.loop1(), "words/s");
    results.add("throughput", 2, "hand-written loop", "words/s", rates.loop2(), "words/s");
    results.add("throughput", 1, "sluice", "words/s", rates.sluice1(), "words/s");
    results.add("throughput", 2, "sluice", "words/s", rates.sluice2(), "words/s");
    results.add("throughput", 1, "sluice", "ratio to loop", rates.sluice1() / rates.loop1(), "x");
    results.add("throughput", 2, "sluice", "ratio to loop", rates.sluice2() / rates.loop2(), "x");
    results.add(
        "throughput",
        2,
        "hand-written loop",
        "ratio to 1-thread loop",
        rates.loop2() / rates.loop1(),
        "x");
    return rates;
  }

  private static void monitoring(
      Results results, List<List<String>> batches, int warmup, boolean quick) throws Exception {
    results.note("%nMonitoring: the web UI, metrics and event log on against off, parallelism 2");
    double[] rates = new MonitoringOverhead(batches, warmup).run(quick ? 1 : 5, results);
    results.add("monitoring", 2, "sluice, monitoring off", "words/s", rates[0], "words/s");
    results.add("monitoring", 2, "sluice, monitoring on", "words/s", rates[1], "words/s");
    results.add("monitoring", 2, "sluice, monitoring on", "ratio to off", rates[1] / rates[0], "x");
  }

  private static void windowed(Results results, List<List<String>> batches, boolean quick)
      throws Exception {
    int warmup = quick ? 35 : 40;
    int measured = quick ? 10 : 60;
    results.note(
        "%nWindowed counts (window 30 batches, slide 1): %d warm-up + %d measured "
            + "batches of %d lines",
        warmup, measured, Corpus.LINES_PER_BATCH / 10);
    WindowedThroughput.Rates rates =
        new WindowedThroughput(WindowedThroughput.tenths(batches, warmup + measured), warmup)
            .run(quick ? 1 : 5, results);
    results.add("windowed", 1, "hand-written window", "words/s", rates.handWritten(), "words/s");
    results.add("windowed", 1, "sluice", "words/s", rates.sluice1(), "words/s");
    results.add("windowed", 2, "sluice", "words/s", rates.sluice2(), "words/s");
    results.add(
        "windowed",
        1,
        "sluice",
        "ratio to hand-written",
        rates.sluice1() / rates.handWritten(),
        "x");
    results.add(
        "windowed",
        2,
        "sluice",
        "ratio to hand-written",
        rates.sluice2() / rates.handWritten(),
        "x");
  }

  private static void empty(Results results, boolean quick) throws Exception {
    results.note("%nEmpty-batch overhead (WordCount, manual clock)");
    for (int parallelism = 1; parallelism <= 2; parallelism++) {
      overhead(
          results,
          parallelism,
          "back to back",
          EmptyBatchOverhead.run(parallelism, quick ? 500 : 5_000, quick ? 2_000 : 20_000, 0));
      overhead(
          results,
          parallelism,
          "spaced 2 ms",
          EmptyBatchOverhead.run(parallelism, quick ? 100 : 500, quick ? 300 : 2_000, 2));
    }
  }

  private static void latency(
      Results results, Rates rates, boolean quick, int[] parallelisms, long[] intervals)
      throws Exception {
    results.note("%nEnd-to-end latency at half the sustained rate (wall clock)");
    for (int parallelism : parallelisms) {
      double rate = (parallelism == 1 ? rates.sluice1() : rates.sluice2()) / 2;
      latencyInFreshJvm(results, "latency", parallelism, rate, intervals, quick);
    }
    if (Arrays.stream(parallelisms).anyMatch(p -> p > 1)) {
      // more workers at the rate one worker sustains: what a second worker buys in latency
      results.note("%nEnd-to-end latency at parallelism 2, at half the parallelism-1 rate");
      latencyInFreshJvm(results, "latency-same-rate", 2, rates.sluice1() / 2, intervals, quick);
    }
  }

  private static void latencyInFreshJvm(
      Results results,
      String section,
      int parallelism,
      double rate,
      long[] intervals,
      boolean quick)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--series", String.format(Locale.ROOT, "%s:%d:%.0f", section, parallelism, rate),
                "--intervals",
                    Arrays.stream(intervals)
                        .mapToObj(Long::toString)
                        .collect(Collectors.joining(","))));
    if (quick) {
      args.add("--quick");
    }
    FreshJvm.run(args, results);
  }

  /** Runs one latency series, {@code SECTION:PARALLELISM:RATE}, in this JVM. */
  private static void runSeries(String series, long[] intervals, boolean quick, Path out)
      throws Exception {
    String[] parts = series.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "--series takes SECTION:PARALLELISM:RATE, such as latency:1:5000000; got " + series);
    }
    List<String> lines = new ArrayList<>();
    Corpus.standard().batches(corpusBatches(quick)).forEach(lines::addAll);
    Results results = new Results(System.out);
    latencyAt(
        results,
        parts[0],
        lines,
        Integer.parseInt(parts[1]),
        Double.parseDouble(parts[2]),
        intervals,
        quick);
    results.write(out, series + " in a fresh JVM, " + Instant.now());
  }

  private static void latencyAt(
      Results results,
      String section,
      List<String> lines,
      int parallelism,
      double rate,
      long[] intervals,
      boolean quick)
      throws Exception {
    for (long interval : intervals) {
      double warmupSeconds = quick ? 1 : 3;
      double measureSeconds = quick ? 3 : interval >= 1000 ? 15 : 10;
      if (interval >= 1000) {
        warmupSeconds += 1;
      }
      // a section ending in -checkpoint runs with a checkpoint directory on local disk, one
      // ending in -checkpoint-nowal with its receivers' write-ahead log off
      boolean noWal = section.endsWith("-checkpoint-nowal");
      Path checkpoint =
          section.endsWith("-checkpoint") || noWal
              ? Files.createTempDirectory("sluice-latency-checkpoint")
              : null;
      Latency latency =
          EndToEndLatency.run(
              lines,
              parallelism,
              interval,
              rate,
              warmupSeconds,
              measureSeconds,
              checkpoint,
              !noWal);
      String variant = interval + " ms";
      results.add(section, parallelism, variant, "input rate", rate, "words/s");
      results.add(section, parallelism, variant, "p50", latency.p50(), "ms");
      results.add(section, parallelism, variant, "p99", latency.p99(), "ms");
      results.add(section, parallelism, variant, "p99.9", latency.p999(), "ms");
      results.add(section, parallelism, variant, "max", latency.max(), "ms");
      results.add(section, parallelism, variant, "batches", latency.batches(), "");
      results.add(section, parallelism, variant, "lines", latency.lines(), "");
      results.add(section, parallelism, variant, "source max lag", latency.maxLagMillis(), "ms");
      results.add(section, parallelism, variant, "gc count", latency.gcs(), "");
      results.add(section, parallelism, variant, "gc max pause", latency.gcMaxMillis(), "ms");
      results.add(section, parallelism, variant, "processing p50", latency.processingP50(), "ms");
      results.add(section, parallelism, variant, "processing p99", latency.processingP99(), "ms");
      results.add(section, parallelism, variant, "scheduling p99", latency.schedulingP99(), "ms");
    }
  }

  private static void socket(
      Results results, List<List<String>> batches, int warmup, Rates rates, boolean quick)
      throws Exception {
    results.note("%nThroughput through the socket source over loopback (50 ms batches)");
    int rounds = quick ? 1 : 2;
    for (int parallelism = 1; parallelism <= 2; parallelism++) {
      double rate = SocketThroughput.run(batches, rounds, warmup, parallelism, 50);
      double inMemory = parallelism == 1 ? rates.sluice1() : rates.sluice2();
      results.add("socket", parallelism, "sluice", "words/s", rate, "words/s");
      results.add("socket", parallelism, "sluice", "ratio to in-memory", rate / inMemory, "x");
      results.add(
          "socket", parallelism, "sluice", "ratio to 1-thread loop", rate / rates.loop1(), "x");
    }
  }

  private static void overhead(Results results, int parallelism, String pace, Overhead overhead) {
    results.add("empty", parallelism, pace, "round trip p50", overhead.roundTripP50(), "us");
    results.add("empty", parallelism, pace, "round trip p99", overhead.roundTripP99(), "us");
    results.add("empty", parallelism, pace, "processing p50", overhead.processingP50(), "us");
    results.add("empty", parallelism, pace, "processing p99", overhead.processingP99(), "us");
  }
}
