package dev.sluice.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.runtime.checkpoint.BatchPlan.InputPlan;
import dev.sluice.runtime.codec.Codecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated power cut after each durability step: what the protocol counts as durable (a forced
 * plan, a created checkpoint directory, a forced write-ahead log) must be there after the cut,
 * whatever else is lost. A missing file or directory force makes these tests fail, where a {@code
 * kill -9}, which keeps the page cache, would not.
 */
class PowerCutTest {

  @TempDir Path dir;
  private final PowerCutDisk disk = new PowerCutDisk();

  @BeforeEach
  void useThePowerCutDisk() {
    Disk.use(disk);
  }

  @AfterEach
  void useTheRealDisk() {
    Disk.use(null);
  }

  private static BatchPlan plan(long index) {
    return new BatchPlan(index, index * 100, List.of(new InputPlan("lines", new byte[] {1})));
  }

  @Test
  void aForcedPlanSurvivesAndAnUnforcedCommitMayNot() throws IOException {
    Path log = dir.resolve("log");
    try (BatchLog batchLog = BatchLog.open(log)) {
      batchLog.appendPlan(plan(0));
      batchLog.appendCommit(0, false);
      batchLog.appendPlan(plan(1)); // forces the commit of batch 0 with it
      batchLog.appendCommit(1, false);
      disk.cut();
    }
    Disk.use(null);
    try (BatchLog batchLog = BatchLog.open(log)) {
      assertEquals(List.of(0L, 1L), batchLog.planned().stream().map(BatchPlan::index).toList());
      assertEquals(0, batchLog.lastCommitted()); // batch 1 runs again: its sinks are idempotent
    }
  }

  @Test
  void aNewCheckpointDirectoryAndItsFirstPlanSurvive() throws IOException {
    Path root = dir.resolve("a").resolve("checkpoint");
    CheckpointDirectory directory =
        CheckpointDirectory.open(root, "WordCount", Duration.ofSeconds(1), () -> 5000);
    directory.batchLog().appendPlan(plan(0));
    disk.cut();
    directory.close();
    Disk.use(null);
    try (CheckpointDirectory reopened =
        CheckpointDirectory.open(root, "WordCount", Duration.ofSeconds(1), () -> 9000)) {
      assertFalse(reopened.created());
      assertEquals(5000, reopened.identity().firstBatchTime());
      assertEquals(1, reopened.batchLog().planned().size());
    }
  }

  @Test
  void anIdentityNotYetRenamedIsGoneAndNothingHalfWrittenRemains() throws IOException {
    Files.createDirectories(dir);
    DurableFiles.writeAtomically(dir.resolve("checkpoint.properties"), "forced".getBytes());
    disk.cut(); // the rename and its directory were forced: the file stays
    assertEquals("forced", Files.readString(dir.resolve("checkpoint.properties")));
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("checkpoint.properties"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void receivedRecordsForcedBeforeTheirPlanSurvive() throws IOException {
    Path received = dir.resolve("received").resolve("lines");
    try (ReceivedLog<String> log = ReceivedLog.open(received, Codecs.string())) {
      log.append(List.of("a", "b"));
      log.force(); // as at a seal, before the batch's plan
      log.append(List.of("c"));
      disk.cut();
    }
    Disk.use(null);
    try (ReceivedLog<String> log = ReceivedLog.open(received, Codecs.string())) {
      assertEquals(2, log.next());
      assertEquals(List.of("a", "b"), log.read(0, 2));
    }
  }

  @Test
  void aWrittenSnapshotSurvivesAndTheFilesItMadeUnneededStayDeleted() throws IOException {
    SnapshotFiles snapshots = new SnapshotFiles(dir.resolve("state"));
    for (long index : new long[] {1, 3, 5}) {
      snapshots.write(snapshot(index));
    }
    snapshots.retain(2);
    disk.cut();
    Disk.use(null);
    SnapshotFiles reopened = new SnapshotFiles(dir.resolve("state"));
    assertEquals(List.of(3L, 5L), reopened.indexes());
    assertArrayEquals(snapshot(5).encode(), reopened.newest().encode());
  }

  private static StateSnapshot snapshot(long index) {
    return new StateSnapshot(
        index,
        index * 100,
        1,
        List.of(new StateSnapshot.StageSnapshot("s", "sig", List.of(new byte[] {(byte) index}))));
  }
}
