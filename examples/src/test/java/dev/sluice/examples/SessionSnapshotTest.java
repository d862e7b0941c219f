package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.sink.Sinks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SessionTracking's {@code Session} records go into state snapshots through the codec the processor
 * generated, and come back from them: a run of 4 batches snapshotted every batch, whose batch log
 * no longer reaches back to batch 0 (so only a snapshot can restore the state), is resumed under
 * another parallelism and prints what an uninterrupted run prints (as SessionTrackingTest has it),
 * sessions ending at their timeouts included.
 */
@Timeout(60)
class SessionSnapshotTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path checkpoint;

  private final List<CheckpointInfo> snapshots = new CopyOnWriteArrayList<>();

  private StreamingPipeline pipeline(
      ManualClock clock, int parallelism, ByteArrayOutputStream out) {
    return SessionTrackingPipeline.builder()
        .events(new SessionTracking().events())
        .print(Sinks.print(10, new PrintStream(out, true, UTF_8)))
        .openSessions(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
        .parallelism(parallelism)
        .clock(clock)
        .ui(false)
        .checkpoint(checkpoint)
        .checkpointInterval(Duration.ofSeconds(2))
        .listener(
            new StreamingListener() {
              @Override
              public void onCheckpointCompleted(CheckpointInfo info) {
                snapshots.add(info);
              }
            })
        .build();
  }

  @Test
  void sessionsRestoredFromASnapshotEndAsIfThePipelineNeverStopped() throws Exception {
    ManualClock clock = BatchClock.manual(0);
    run(pipeline(clock, 2, new ByteArrayOutputStream()), clock, 2000, 8000);
    CheckpointInfo last = snapshots.get(snapshots.size() - 1);
    assertEquals(3, last.batchIndex());
    assertEquals("sessions", last.stages().get(0).stage());
    assertEquals(3, last.stages().get(0).entries()); // alice, bob and carol
    try (Stream<Path> logs = Files.list(checkpoint.resolve("log"))) {
      assertFalse(
          logs.anyMatch(
              log -> log.getFileName().toString().equals("batches-00000000000000000000.log")),
          "the batch log still starts at batch 0, so the state could be replayed instead");
    }

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    run(pipeline(clock, 3, printed), clock, 10_000, 20_000);

    // the lines of each batch as a set: three partitions print in their own order
    Map<Long, List<String>> expected = new TreeMap<>();
    expected.put(10_000L, List.of("bob ended 1-1 s, 1 events", "carol active 5-9 s, 2 events"));
    expected.put(12_000L, List.of("alice active 1-11 s, 4 events"));
    expected.put(14_000L, List.of());
    expected.put(16_000L, List.of());
    expected.put(18_000L, List.of());
    expected.put(20_000L, List.of("alice ended 1-11 s, 4 events", "carol ended 5-9 s, 2 events"));
    assertEquals(expected, batches(printed.toString(UTF_8)));
  }

  /** Runs the batches at {@code first} .. {@code last}, then stops gracefully. */
  private static void run(StreamingPipeline pipeline, ManualClock clock, long first, long last)
      throws InterruptedException {
    pipeline.start();
    for (long time = first; time <= last; time += 2000) {
      clock.setMillis(time);
      assertTrue(pipeline.awaitBatch(time, WAIT));
    }
    pipeline.stop(true);
    assertTrue(pipeline.awaitTermination(WAIT));
  }

  /** The lines {@code print()} printed under each batch's header, sorted. */
  private static Map<Long, List<String>> batches(String printed) {
    Map<Long, List<String>> batches = new TreeMap<>();
    List<String> lines = null;
    for (String line : printed.split("\n")) {
      if (line.startsWith("Time: ")) {
        lines = new ArrayList<>();
        batches.put(Long.parseLong(line.substring(6, line.length() - 3)), lines);
      } else if (lines != null && !line.isEmpty() && !line.startsWith("-----")) {
        lines.add(line);
      }
    }
    batches.values().forEach(batch -> batch.sort(null));
    return batches;
  }
}
