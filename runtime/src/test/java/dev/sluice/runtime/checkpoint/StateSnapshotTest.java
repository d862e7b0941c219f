package dev.sluice.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.runtime.checkpoint.StateSnapshot.StageSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot file format and the snapshot directory: damage is found, never read in part. */
class StateSnapshotTest {

  @TempDir Path dir;

  private static final StateSnapshot SNAPSHOT =
      new StateSnapshot(
          7,
          8000,
          2,
          List.of(
              new StageSnapshot(
                  "counts",
                  "updateStateByKey String -> Long",
                  List.of(new byte[] {1, 2}, new byte[] {})),
              new StageSnapshot("window", "window 3s sliding 1s", List.of(new byte[] {9}))));

  @Test
  void aSnapshotReadsBackAsWritten() throws IOException {
    StateSnapshot read = StateSnapshot.decode(SNAPSHOT.encode());
    assertEquals(7, read.batchIndex());
    assertEquals(8000, read.batchTime());
    assertEquals(2, read.parallelism());
    assertEquals(
        List.of("counts", "window"), read.stages().stream().map(StageSnapshot::name).toList());
    assertArrayEquals(new byte[] {1, 2}, read.stages().get(0).partitions().get(0));
    assertEquals(3, read.bytes());
    assertArrayEquals(SNAPSHOT.encode(), read.encode());
  }

  @Test
  void everyKindOfDamageIsReported() {
    byte[] bytes = SNAPSHOT.encode();
    assertEquals("it is too short (10 bytes)", damage(Arrays.copyOf(bytes, 10)));
    assertEquals(
        "its checksum does not match (damaged or cut short)",
        damage(Arrays.copyOf(bytes, bytes.length - 1)));
    byte[] flipped = bytes.clone();
    flipped[30] ^= 1;
    assertEquals("its checksum does not match (damaged or cut short)", damage(flipped));
    byte[] magic = bytes.clone();
    magic[0] = 0;
    assertEquals("it is not a snapshot (magic 0x004C5353)", damage(magic));
    byte[] version = bytes.clone();
    version[7] = 9;
    assertEquals("it has format version 9, this Sluice reads version 1", damage(version));
  }

  @Test
  void theNewestIntactSnapshotIsUsedAndStrayFilesAreIgnoredOrDeleted() throws IOException {
    SnapshotFiles snapshots = new SnapshotFiles(dir);
    assertNull(snapshots.newest());
    snapshots.write(snapshot(3));
    snapshots.write(snapshot(5));
    Files.write(snapshots.file(5), new byte[] {1, 2, 3}); // damaged
    Files.write(dir.resolve(".state-00000000000000000006.snap.tmp"), new byte[] {1}); // torn
    Files.write(dir.resolve("state-notanumber.snap"), new byte[] {1});
    SnapshotFiles reopened = new SnapshotFiles(dir);
    assertEquals(3, reopened.newest().batchIndex());
    assertEquals(List.of(3L, 5L), reopened.indexes());
    assertEquals(3, reopened.retain(2));
    assertEquals(5, reopened.retain(1));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("state-00000000000000000005.snap", "state-notanumber.snap"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }

  private static StateSnapshot snapshot(long index) {
    return new StateSnapshot(index, index * 1000, 1, List.of());
  }

  private static String damage(byte[] bytes) {
    return assertThrows(IOException.class, () -> StateSnapshot.decode(bytes)).getMessage();
  }
}
