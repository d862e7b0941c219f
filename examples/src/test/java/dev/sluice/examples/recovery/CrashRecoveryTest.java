package dev.sluice.examples.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once recovery under real crashes: a generated pipeline with state reads a directory and
 * writes text files, checkpointing, in a child JVM that is killed with SIGKILL at random points
 * (right after a random number of its changes to the output directory, which the test waits on
 * through file-system notifications) or halted at each of the commit protocol's crash points in
 * turn, then started again with the same command. Every batch's output must hold exactly what one
 * uninterrupted run computes: a lost batch is a missing directory, a file read twice or not at all
 * shows in the counts. Pipelines: {@code RunningWordCount} (running totals,
 * {@code @UpdateStateByKey}) and {@link WindowedTotals} (a window of 5 batches sliding by 2).
 *
 * <p>State is snapshotted every 3 batches, so restarts restore a snapshot (taken under another
 * parallelism, or passed over when a crash tore it) and replay the batches after it; the crash
 * points include the middle of a snapshot's write and the moment after its rename, before the
 * snapshots and log segments it replaces are deleted.
 *
 * <p>Runs alternate between parallelism 2, 1 and 3, which the checkpoint does not fix. Each
 * pipeline is cut {@code sluice.crash.cuts} times (24 by default; the {@code crash-soak} profile
 * makes it 120, so 240 cuts over both).
 *
 * <p>The input is laid out before the first batch that reads it: file {@code k} gets a modification
 * time inside the interval of batch {@code k} (in the future when written), so the directory source
 * puts it in batch {@code k} however the runs are cut.
 */
// a safety net for the crash-soak profile's 120 cuts (minutes on a busy 2-core machine); the
// default 24 cuts take well under a minute
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {

  private static final long INTERVAL = 100;
  private static final int FIRST_INPUT_BATCH = 15;
  private static final int FILES = 4 * Integer.getInteger("sluice.crash.cuts", 24);
  private static final List<String> WORDS = List.of("ant", "bee", "cat", "dog", "elk", "fox");
  private static final List<String> CRASH_POINTS =
      List.of(
          "after-plan",
          "mid-plan",
          "after-outputs",
          "after-commit",
          "mid-snapshot",
          "after-snapshot");

  @TempDir Path dir;

  private static final int CUTS = Integer.getInteger("sluice.crash.cuts", 24);

  @Test
  void runningTotalsSurviveKillsAndCrashPoints() throws Exception {
    run("dev.sluice.examples.RunningWordCountMain", CrashRecoveryTest::runningTotals);
  }

  @Test
  void windowedCountsSurviveKillsAndCrashPoints() throws Exception {
    run("dev.sluice.examples.recovery.WindowedTotalsMain", CrashRecoveryTest::windowCounts);
  }

  /**
   * The arguments of run {@code run}: the parallelism goes 2, 1, 3, 2, 1, 3, ... from run to run,
   * so that state is also rebuilt over another number of partitions than it was built with.
   */
  private static List<String> withParallelism(List<String> common, int run) {
    List<String> args = new ArrayList<>(common);
    args.add(String.valueOf(List.of(2, 1, 3).get(run % 3)));
    return args;
  }

  /** What one uninterrupted run writes: per batch index the counts, or null for no output. */
  private interface Model {
    Map<Integer, Map<String, Long>> outputs(Map<Integer, List<String>> files, long lastBatch);
  }

  private void run(String main, Model model) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Path output = Files.createDirectories(dir.resolve("out"));
    Path checkpoint = dir.resolve("checkpoint");
    Path log = dir.resolve("child.log");
    List<String> common =
        List.of(
            "--lines",
            "dir:" + input,
            "--print",
            "file://" + output.resolve("counts"),
            "--checkpoint",
            checkpoint.toString(),
            "--batch-interval",
            INTERVAL + "ms",
            "--checkpoint-interval", // a state snapshot every 3 batches
            3 * INTERVAL + "ms",
            "--parallelism");
    Random random = new Random(20261204);
    long lastBatch = FIRST_INPUT_BATCH + FILES + 6;
    int runs = 0;
    List<String> cuts = new ArrayList<>();
    Files.createDirectories(checkpoint); // an empty directory is a new checkpoint: watch it
    try (DirectoryEvents events = new DirectoryEvents(checkpoint, output)) {
      long firstBatchTime;
      try (ChildPipeline first = ChildPipeline.start(main, withParallelism(common, 0), null, log)) {
        runs++;
        firstBatchTime = awaitFirstBatchTime(checkpoint, first, events);
        Map<Integer, List<String>> files = writeInput(input, firstBatchTime, random);
        expected = model.outputs(files, lastBatch);
        awaitBatchOutput(output, firstBatchTime + 5 * INTERVAL, first, events);
        first.kill();
        cuts.add("kill at batch 5");
      }
      for (int cut = 1; cut < CUTS; cut++) {
        String point =
            cut % 2 == 0
                ? null
                : CRASH_POINTS.get(cut / 2 % CRASH_POINTS.size()) + ":" + (1 + random.nextInt(6));
        events.clear();
        try (ChildPipeline child =
            ChildPipeline.start(main, withParallelism(common, cut), point, log)) {
          runs++;
          if (point == null) {
            // a SIGKILL at a random point of the protocol: right after the child's n-th change
            // to the output directory (a batch's temporary directory made, or renamed into place)
            events.awaitChanges(2 + random.nextInt(24), child);
            child.kill();
            cuts.add("kill");
          } else {
            int status = child.awaitExit(60);
            cuts.add(point + " -> " + status);
            if (status != 137) {
              fail("crash point " + point + " did not halt the child (status " + status + ")");
            }
          }
        }
      }
      try (ChildPipeline last =
          ChildPipeline.start(main, withParallelism(common, CUTS), null, log)) {
        runs++;
        awaitBatchOutput(output, firstBatchTime + (lastBatch + 2) * INTERVAL, last, events);
      }
      assertOutput(output, firstBatchTime, lastBatch);
      System.out.println("CrashRecoveryTest: " + runs + " runs, cut by " + cuts);
    } catch (AssertionError | Exception e) {
      System.err.println("Runs: " + cuts + "\n" + Files.readString(log));
      throw e;
    }
    assertEquals(CUTS + 1, runs);
  }

  /** The running counts after each batch, by batch index. */
  private Map<Integer, Map<String, Long>> expected;

  /**
   * Writes file {@code k} for each input batch, stamped inside its interval; the words by batch.
   */
  private Map<Integer, List<String>> writeInput(Path input, long firstBatchTime, Random random)
      throws IOException {
    Map<Integer, List<String>> files = new TreeMap<>();
    for (int k = FIRST_INPUT_BATCH; k < FIRST_INPUT_BATCH + FILES; k++) {
      List<String> words = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int line = 0; line < 3; line++) {
        for (int w = 0; w < 4; w++) {
          String word = WORDS.get(random.nextInt(WORDS.size()));
          words.add(word);
          text.append(w == 0 ? "" : " ").append(word);
        }
        text.append('\n');
      }
      Path temp = input.resolve(".f" + k + ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      long batchTime = firstBatchTime + k * INTERVAL;
      Files.setLastModifiedTime(temp, FileTime.fromMillis(batchTime - INTERVAL / 2));
      Files.move(
          temp, input.resolve(String.format("f%03d.txt", k)), StandardCopyOption.ATOMIC_MOVE);
      files.put(k, words);
    }
    return files;
  }

  /** {@code updateStateByKey} running totals: every batch writes every word seen so far. */
  private static Map<Integer, Map<String, Long>> runningTotals(
      Map<Integer, List<String>> files, long lastBatch) {
    Map<Integer, Map<String, Long>> model = new TreeMap<>();
    Map<String, Long> running = new TreeMap<>();
    for (int k = 0; k <= lastBatch; k++) {
      for (String word : files.getOrDefault(k, List.of())) {
        running.merge(word, 1L, Long::sum);
      }
      model.put(k, new TreeMap<>(running));
    }
    return model;
  }

  /**
   * {@code reduceByKeyAndWindow} over 5 batches sliding by 2: written at the batches {@code i} with
   * {@code (i + 1) % 2 == 0}, the words of batches {@code max(0, i - 4) .. i}.
   */
  private static Map<Integer, Map<String, Long>> windowCounts(
      Map<Integer, List<String>> files, long lastBatch) {
    Map<Integer, Map<String, Long>> model = new TreeMap<>();
    for (int i = 0; i <= lastBatch; i++) {
      if ((i + 1) % 2 != 0) {
        model.put(i, null);
        continue;
      }
      Map<String, Long> window = new TreeMap<>();
      for (int k = Math.max(0, i - 4); k <= i; k++) {
        for (String word : files.getOrDefault(k, List.of())) {
          window.merge(word, 1L, Long::sum);
        }
      }
      model.put(i, window);
    }
    return model;
  }

  private void assertOutput(Path output, long firstBatchTime, long lastBatch) throws IOException {
    for (int k = 0; k <= lastBatch; k++) {
      Path batch = output.resolve("counts-" + (firstBatchTime + k * INTERVAL));
      if (expected.get(k) == null) {
        assertTrue(!Files.exists(batch), "batch " + k + " writes no output");
        continue;
      }
      assertTrue(Files.exists(batch.resolve("_SUCCESS")), "batch " + k + " was written");
      assertEquals(expected.get(k), counts(batch), "output of batch " + k);
    }
  }

  private static Map<String, Long> counts(Path batch) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (Stream<Path> parts = Files.list(batch)) {
      for (Path part :
          parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : Files.readAllLines(part)) {
          int comma = line.lastIndexOf(',');
          String word = line.substring(1, comma);
          long count = Long.parseLong(line.substring(comma + 1, line.length() - 1));
          if (counts.put(word, count) != null) {
            fail("word " + word + " twice in " + batch);
          }
        }
      }
    }
    return counts;
  }

  private static boolean done(Path output, long batchTime) {
    return Files.exists(output.resolve("counts-" + batchTime).resolve("_SUCCESS"));
  }

  private static long awaitFirstBatchTime(
      Path checkpoint, ChildPipeline child, DirectoryEvents events) throws Exception {
    Path file = checkpoint.resolve("checkpoint.properties");
    events.await(() -> Files.exists(file), child, 60, "the child creating " + file);
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("firstBatchTime=")) {
        return Long.parseLong(line.substring("firstBatchTime=".length()));
      }
    }
    throw new AssertionError("no firstBatchTime in " + file);
  }

  private static void awaitBatchOutput(
      Path output, long batchTime, ChildPipeline child, DirectoryEvents events) throws Exception {
    events.await(() -> done(output, batchTime), child, 60, "batch " + batchTime + " written");
  }
}
