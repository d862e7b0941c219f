package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.checkpoint.CheckpointException;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * State snapshots within one JVM: a running count snapshotted every 2 batches (2 kept) is restored
 * at a restart, under another parallelism too; damaged snapshots are passed over with a warning;
 * the log segments and snapshots no restart needs are deleted.
 */
@Timeout(60)
class EngineSnapshotTest {

  private static final String SIGNATURE = "updateStateByKey String -> Long";
  private static final List<List<String>> LINES =
      List.of(
          List.of("a b"),
          List.of("b c"),
          List.of("c d"),
          List.of("d e"),
          List.of("e f"),
          List.of("f g"),
          List.of("g h"),
          List.of("h i"));

  @TempDir Path checkpoint;

  private Engine engine(int parallelism, CollectingSink sink, String signature) {
    return engine(parallelism, sink, signature, BatchClock.manual(500));
  }

  private Engine engine(int parallelism, CollectingSink sink, String signature, BatchClock clock) {
    return engine(parallelism, sink, signature, clock, Sources.batches(LINES));
  }

  private Engine engine(
      int parallelism,
      CollectingSink sink,
      String signature,
      BatchClock clock,
      dev.sluice.api.Source<String> lines) {
    return new Engine(
        new RunningCountProgram("Running", parallelism, lines, sink, signature),
        INTERVAL,
        parallelism,
        clock,
        List.of(),
        EngineLimits.DEFAULTS,
        new CheckpointSettings(checkpoint, true, Duration.ofSeconds(2), 2));
  }

  /** Runs batches 1000 .. {@code last} one at a time, then stops gracefully. */
  private void runAndStop(int parallelism, long last) throws Exception {
    ManualClock clock = BatchClock.manual(500);
    Engine engine = engine(parallelism, new CollectingSink(), SIGNATURE, clock);
    engine.start();
    for (long time = 1000; time <= last; time += 1000) {
      clock.setMillis(time);
      awaitBatch(engine, time);
    }
    engine.requestStop(true);
    assertTrue(engine.awaitTermination(WAIT));
  }

  @Test
  void aRestartRestoresTheNewestSnapshotUnderAnotherParallelismAndDeletesWhatIsNotNeeded()
      throws Exception {
    runAndStop(2, 6000); // batches 0 .. 5: snapshots after 1, 3 and 5, two kept
    assertEquals(
        List.of("state-00000000000000000003.snap", "state-00000000000000000005.snap"),
        names(checkpoint.resolve("state")));
    assertEquals(List.of("batches-00000000000000000004.log"), names(checkpoint.resolve("log")));

    CollectingSink sink = new CollectingSink();
    ManualClock clock = BatchClock.manual(6500);
    Engine restarted = engine(3, sink, SIGNATURE, clock);
    try (LogCapture logs = new LogCapture()) {
      restarted.start();
      clock.setMillis(7000);
      awaitBatch(restarted, 7000);
      assertEquals(
          List.of(
              "Recovered Running from "
                  + checkpoint
                  + " in N ms: last committed batch 5 at 6000; state of batch 5 restored "
                  + "(running 7 entries, 163 bytes); 0 committed batches to replay for state, 0 "
                  + "batches to run again; next new batch 6 at 7000"),
          recovered(logs));
    }
    assertEquals(
        Map.of("a", 1L, "b", 2L, "c", 2L, "d", 2L, "e", 2L, "f", 2L, "g", 2L, "h", 1L),
        sink.counts(7000));
    stopAndCheck(restarted);
  }

  @Test
  void afterAFailureTheBatchesSinceTheSnapshotRunAgain() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    CollectingSink first = new CollectingSink().failAt(5000);
    Engine crashed = engine(2, first, SIGNATURE, clock);
    crashed.start();
    for (long time = 1000; time <= 4000; time += 1000) {
      clock.setMillis(time);
      awaitBatch(crashed, time);
    }
    clock.setMillis(5000);
    assertThrows(PipelineFailedException.class, () -> crashed.awaitTermination(WAIT));

    CollectingSink second = new CollectingSink();
    Engine recovered = engine(2, second, SIGNATURE, clock);
    try (LogCapture logs = new LogCapture()) {
      recovered.start();
      awaitBatch(recovered, 5000);
      assertEquals(
          List.of(
              "Recovered Running from "
                  + checkpoint
                  + " in N ms: last committed batch 3 at 4000; state of batch 3 restored "
                  + "(running 5 entries, 133 bytes); 0 committed batches to replay for state, 1 "
                  + "batch to run again; next new batch 5 at 6000"),
          recovered(logs));
    }
    clock.setMillis(6000);
    awaitBatch(recovered, 6000);
    assertEquals(List.of(5000L, 6000L), second.times());
    assertEquals(Map.of("a", 1L, "b", 2L, "c", 2L, "d", 2L, "e", 2L, "f", 1L), second.counts(5000));
    assertEquals(
        Map.of("a", 1L, "b", 2L, "c", 2L, "d", 2L, "e", 2L, "f", 2L, "g", 1L), second.counts(6000));
    stopAndCheck(recovered);
  }

  @Test
  void aDamagedSnapshotIsPassedOverWithAWarningAndTheBatchesAfterTheOlderOneAreReplayed()
      throws Exception {
    runAndStop(2, 6000);
    Path newest = checkpoint.resolve("state/state-00000000000000000005.snap");
    flipAByte(newest);

    CollectingSink sink = new CollectingSink();
    ManualClock clock = BatchClock.manual(6500);
    Engine restarted = engine(2, sink, SIGNATURE, clock);
    try (LogCapture logs = new LogCapture()) {
      restarted.start();
      clock.setMillis(7000);
      awaitBatch(restarted, 7000);
      assertEquals(
          List.of(
              "State snapshot "
                  + newest
                  + " is damaged: its checksum does not match (damaged or cut short); using an "
                  + "older snapshot and replaying more batches"),
          logs.messages("WARN"));
      assertEquals(
          List.of(
              "Recovered Running from "
                  + checkpoint
                  + " in N ms: last committed batch 5 at 6000; state of batch 3 restored "
                  + "(running 5 entries, 133 bytes); 2 committed batches to replay for state, 0 "
                  + "batches to run again; next new batch 6 at 7000"),
          recovered(logs));
    }
    assertEquals(List.of(7000L), sink.times()); // the replayed batches wrote nothing again
    assertEquals(
        Map.of("a", 1L, "b", 2L, "c", 2L, "d", 2L, "e", 2L, "f", 2L, "g", 2L, "h", 1L),
        sink.counts(7000));
    stopAndCheck(restarted);
  }

  @Test
  void withEverySnapshotDamagedAndTheLogCutTheStartFailsSayingWhy() throws Exception {
    runAndStop(2, 6000);
    flipAByte(checkpoint.resolve("state/state-00000000000000000003.snap"));
    flipAByte(checkpoint.resolve("state/state-00000000000000000005.snap"));

    Engine restarted = engine(2, new CollectingSink(), SIGNATURE);
    CheckpointException e = assertThrows(CheckpointException.class, restarted::start);
    assertEquals(
        "checkpoint directory "
            + checkpoint
            + " holds no intact state snapshot, and its batch log starts at batch 4, so the "
            + "state cannot be rebuilt. Restore the files of "
            + checkpoint.resolve("state")
            + " or start with a new checkpoint directory",
        e.getMessage());
  }

  @Test
  void aStageWhoseSignatureChangedStopsTheStartWithBothSignatures() throws Exception {
    runAndStop(2, 2000);
    Engine changed = engine(2, new CollectingSink(), "updateStateByKey String -> Integer");
    CheckpointException e = assertThrows(CheckpointException.class, changed::start);
    assertEquals(
        "stage 'running' of Running changed since its state was snapshotted in "
            + checkpoint
            + ": it was 'updateStateByKey String -> Long', it is now 'updateStateByKey String -> "
            + "Integer'. Its state cannot be carried over: restore the earlier code, rename the "
            + "stage to start its state empty, or start fresh with a new checkpoint directory",
        e.getMessage());
  }

  @Test
  void theWriteAheadLogKeepsOnlyTheRecordsOfBatchesAfterTheOldestSnapshotKept() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    ScriptedReceiver receiver = new ScriptedReceiver();
    Engine engine = engine(2, new CollectingSink(), SIGNATURE, clock, receiver);
    engine.start();
    for (int i = 0; i < 6; i++) { // batch i holds line i, its record i
      receiver.send(LINES.get(i).get(0));
      receiver.awaitStored(1);
      clock.setMillis((i + 1) * 1000L);
      awaitBatch(engine, (i + 1) * 1000L);
    }
    engine.requestStop(true);
    assertTrue(engine.awaitTermination(WAIT));
    // snapshots after batches 3 and 5 are kept: records 4 and 5 are all a restart may read, so
    // the first segment left starts at record 4 at the latest, the second (if any) after it (where
    // a segment starts depends on when the writer asked for the roll-over)
    List<Long> firsts =
        names(checkpoint.resolve("received/lines")).stream()
            .map(name -> Long.parseLong(name.substring("records-".length(), name.length() - 4)))
            .toList();
    assertTrue(firsts.get(0) <= 4 && firsts.get(0) >= 2, "first segment " + firsts);
    assertTrue(firsts.size() == 1 || firsts.get(1) > 4, "segments " + firsts);

    CollectingSink sink = new CollectingSink();
    ScriptedReceiver next = new ScriptedReceiver();
    ManualClock later = BatchClock.manual(6500);
    Engine restarted = engine(2, sink, SIGNATURE, later, next);
    restarted.start();
    next.send("g h");
    next.awaitStored(1);
    later.setMillis(7000);
    awaitBatch(restarted, 7000);
    assertEquals(
        Map.of("a", 1L, "b", 2L, "c", 2L, "d", 2L, "e", 2L, "f", 2L, "g", 2L, "h", 1L),
        sink.counts(7000));
    stopAndCheck(restarted);
  }

  @Test
  void listenersAndTheLogHearOfEveryCheckpointWithItsStateSizes() throws Exception {
    List<CheckpointInfo> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    StreamingListener listener =
        new StreamingListener() {
          @Override
          public void onCheckpointCompleted(CheckpointInfo checkpoint) {
            heard.add(checkpoint);
          }
        };
    ManualClock clock = BatchClock.manual(500);
    Engine engine =
        new Engine(
            new RunningCountProgram(
                "Running", 2, Sources.batches(LINES), new CollectingSink(), SIGNATURE),
            INTERVAL,
            2,
            clock,
            List.of(listener),
            EngineLimits.DEFAULTS,
            new CheckpointSettings(checkpoint, true, Duration.ofSeconds(2), 2));
    try (LogCapture logs = new LogCapture()) {
      engine.start();
      for (long time = 1000; time <= 4000; time += 1000) {
        clock.setMillis(time);
        awaitBatch(engine, time);
      }
      engine.requestStop(true);
      assertTrue(engine.awaitTermination(WAIT));
      assertEquals(
          List.of(
              "Checkpoint of batch 2000 of Running: state of 1 stage (3 entries), 193 bytes; "
                  + "copied in N ms, written in N ms",
              "Checkpoint of batch 4000 of Running: state of 1 stage (5 entries), 223 bytes; "
                  + "copied in N ms, written in N ms"),
          logs.messages("INFO").stream()
              .filter(m -> m.startsWith("Checkpoint of"))
              .map(m -> m.replaceAll("in [0-9.]+ ms", "in N ms"))
              .toList());
    }
    assertEquals(List.of(1L, 3L), heard.stream().map(CheckpointInfo::batchIndex).toList());
    CheckpointInfo last = heard.get(1);
    assertEquals(4000, last.batchTime());
    assertEquals(
        Files.size(checkpoint.resolve("state/state-00000000000000000003.snap")), last.bytes());
    assertEquals(List.of(new CheckpointInfo.StageSize("running", 5, 133)), last.stages());
  }

  private static List<String> recovered(LogCapture logs) {
    return logs.messages("INFO").stream()
        .filter(m -> m.startsWith("Recovered"))
        .map(m -> m.replaceAll(" \\d+ ms:", " N ms:"))
        .toList();
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static void flipAByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);
  }
}
