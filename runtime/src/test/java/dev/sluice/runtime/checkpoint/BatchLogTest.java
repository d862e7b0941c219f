package dev.sluice.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.checkpoint.BatchPlan.InputPlan;
import dev.sluice.runtime.engine.LogCapture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchLogTest {

  @TempDir Path dir;

  private static BatchPlan plan(long index, String linesPlan) {
    return new BatchPlan(
        index,
        1000 + index * 500,
        List.of(
            new InputPlan("lines", linesPlan == null ? null : linesPlan.getBytes()),
            new InputPlan("socket", null)));
  }

  private Path segment() {
    return dir.resolve("batches-00000000000000000000.log");
  }

  @Test
  void readsBackPlansAndCommitsInOrder() throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      assertEquals(List.of(), log.planned());
      assertEquals(-1, log.lastCommitted());
      log.appendPlan(plan(0, "a"));
      log.appendCommit(0, false);
      log.appendPlan(plan(1, "b"));
      log.appendPlan(plan(2, ""));
      log.appendCommit(1, true);
    }
    try (BatchLog log = BatchLog.open(dir)) {
      assertEquals(3, log.planned().size());
      assertEquals(1, log.lastCommitted());
      BatchPlan second = log.planned().get(1);
      assertEquals(1, second.index());
      assertEquals(1500, second.time());
      assertArrayEquals("b".getBytes(), second.planOf("lines"));
      assertNull(second.planOf("socket"));
      assertNull(second.planOf("removed"));
      assertArrayEquals(new byte[0], log.planned().get(2).planOf("lines"));
      log.appendCommit(2, true); // appends after what was there
    }
    try (BatchLog log = BatchLog.open(dir)) {
      assertEquals(2, log.lastCommitted());
    }
  }

  @Test
  void cutsOffATornTailAndSaysHowMuch() throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      log.appendPlan(plan(0, "a"));
      log.appendCommit(0, true);
      log.appendPlan(plan(1, "b"));
    }
    long intact = Files.size(segment());
    try (FileChannel channel = FileChannel.open(segment(), StandardOpenOption.APPEND)) {
      ByteBuffer frame = LogRecords.frame((byte) 1, plan(2, "c").encode());
      frame.limit(frame.limit() - 3); // a write cut short by a crash
      channel.write(frame);
    }
    long torn = Files.size(segment()) - intact;
    try (LogCapture logs = new LogCapture();
        BatchLog log = BatchLog.open(dir)) {
      assertEquals(2, log.planned().size());
      assertEquals(0, log.lastCommitted());
      assertEquals(
          List.of(
              "Batch log "
                  + segment()
                  + ": a record at offset "
                  + intact
                  + " is cut short; cutting off its last "
                  + torn
                  + " bytes (a write interrupted by a "
                  + "crash). Batches logged there, if any, are planned again."),
          logs.messages("WARN"));
      log.appendPlan(plan(2, "c2"));
    }
    try (BatchLog log = BatchLog.open(dir)) {
      assertArrayEquals("c2".getBytes(), log.planned().get(2).planOf("lines"));
    }
  }

  @Test
  void aFlippedByteInTheLastRecordIsATornTail() throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      log.appendPlan(plan(0, "a"));
      log.appendPlan(plan(1, "b"));
    }
    byte[] bytes = Files.readAllBytes(segment());
    bytes[bytes.length - 2] ^= 0x40;
    Files.write(segment(), bytes);
    try (LogCapture logs = new LogCapture();
        BatchLog log = BatchLog.open(dir)) {
      assertEquals(1, log.planned().size());
      assertTrue(
          logs.messages("WARN").get(0).contains("fails its checksum"),
          logs.messages("WARN").toString());
    }
  }

  @Test
  void damageInAnEarlierSegmentIsAnError() throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      log.appendPlan(plan(0, "a"));
    }
    Files.write(dir.resolve("batches-00000000000000000001.log"), LogRecords.header().array());
    byte[] bytes = Files.readAllBytes(segment());
    bytes[bytes.length - 1] ^= 1;
    Files.write(segment(), bytes);
    CheckpointException e = assertThrows(CheckpointException.class, () -> BatchLog.open(dir));
    assertEquals(
        "batch log segment "
            + segment()
            + " is damaged: the record at offset 8 fails "
            + "its checksum. Only the last segment may end in an interrupted write; restore the file "
            + "or start with a new checkpoint directory",
        e.getMessage());
  }

  @Test
  void refusesAFileThatIsNotALogOrOfANewerFormat() throws IOException {
    Files.createDirectories(dir);
    Files.write(segment(), "not a log file".getBytes());
    CheckpointException notLog = assertThrows(CheckpointException.class, () -> BatchLog.open(dir));
    assertEquals(
        segment() + " is not a Sluice log file (bad magic number 0x6E6F7420)", notLog.getMessage());
    Files.write(segment(), ByteBuffer.allocate(8).putInt(LogRecords.MAGIC).putInt(2).array());
    CheckpointException newer = assertThrows(CheckpointException.class, () -> BatchLog.open(dir));
    assertEquals(
        segment()
            + " has log format version 2; this version of Sluice reads version 1: "
            + "it was written by a newer Sluice",
        newer.getMessage());
  }

  @Test
  void refusesACommitOutOfOrder() throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      log.appendPlan(plan(0, "a"));
      log.appendPlan(plan(1, "b"));
      log.appendCommit(1, true); // batch 0 never committed: not a history the engine writes
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> BatchLog.open(dir));
    assertEquals(
        "batch log "
            + segment()
            + " is inconsistent: commit of batch 1 after commit of "
            + "batch -1. Restore the directory or start with a new checkpoint directory",
        e.getMessage());
  }

  @Test
  void startsANewSegmentPastTheSegmentSize() throws IOException {
    byte[] big = new byte[1024 * 1024];
    Arrays.fill(big, (byte) 'x');
    int batches = (int) (BatchLog.SEGMENT_BYTES / big.length) + 2;
    try (BatchLog log = BatchLog.open(dir)) {
      for (int b = 0; b < batches; b++) {
        log.appendPlan(new BatchPlan(b, b, List.of(new InputPlan("lines", big))));
        log.appendCommit(b, false);
      }
    }
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count());
    }
    try (BatchLog log = BatchLog.open(dir)) {
      assertEquals(batches, log.planned().size());
      assertEquals(batches - 1, log.lastCommitted());
    }
  }

  @Test
  void afterARollOverTheSegmentsOfEarlierBatchesCanBeDeletedAndTheRestStillReads()
      throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      log.appendPlan(plan(0, "a"));
      log.appendPlan(plan(1, "b"));
      log.appendCommit(0, false);
      log.rollOver(); // as after a snapshot of batch 0
      log.appendPlan(plan(2, "c")); // starts segment 2; batch 1 commits in it
      log.appendCommit(1, false);
      log.appendCommit(2, false);
      log.rollOver();
      log.appendPlan(plan(3, "d"));
      assertEquals(0, log.deleteSegmentsBefore(1)); // segment 0 holds batch 1
      assertEquals(1, log.deleteSegmentsBefore(2));
      assertEquals(1, log.deleteSegmentsBefore(99)); // never the segment being written
    }
    try (var files = java.nio.file.Files.list(dir)) {
      assertEquals(
          List.of("batches-00000000000000000003.log"),
          files.map(file -> file.getFileName().toString()).toList());
    }
    try (BatchLog log = BatchLog.open(dir)) {
      assertEquals(List.of(3L), log.planned().stream().map(BatchPlan::index).toList());
      assertEquals(-1, log.lastCommitted());
    }
  }

  @Test
  void aLogWhoseFirstSegmentWasDeletedAcceptsCommitsOfEarlierBatches() throws IOException {
    try (BatchLog log = BatchLog.open(dir)) {
      log.appendPlan(plan(0, "a"));
      log.rollOver();
      log.appendPlan(plan(1, "b"));
      log.appendCommit(0, false); // the commit of a batch whose plan is in the deleted segment
      log.appendCommit(1, false);
      log.deleteSegmentsBefore(1);
    }
    try (BatchLog log = BatchLog.open(dir)) {
      assertEquals(List.of(1L), log.planned().stream().map(BatchPlan::index).toList());
      assertEquals(1, log.lastCommitted());
    }
  }
}
