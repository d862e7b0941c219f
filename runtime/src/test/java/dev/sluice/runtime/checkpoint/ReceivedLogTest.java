package dev.sluice.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.engine.LogCapture;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedLogTest {

  @TempDir Path dir;

  @Test
  void numbersRecordsAndReadsAnyRangeAcrossGroupsAndRestarts() throws IOException {
    try (ReceivedLog<String> log = ReceivedLog.open(dir, Codecs.string())) {
      log.append(List.of("a", "b", "c"));
      log.append(List.of());
      log.append(List.of("d"));
      assertEquals(4, log.next());
      assertEquals(List.of("b", "c", "d"), log.read(1, 4));
    }
    try (ReceivedLog<String> log = ReceivedLog.open(dir, Codecs.string())) {
      assertEquals(4, log.next());
      log.append(List.of("é€😀", "x".repeat(70_000)));
      log.force();
      assertEquals(List.of("c", "d", "é€😀"), log.read(2, 5));
      assertEquals(70_000, log.read(5, 6).get(0).length());
      assertEquals(List.of(), log.read(6, 6));
    }
  }

  @Test
  void refusesARangeItDoesNotHold() throws IOException {
    try (ReceivedLog<String> log = ReceivedLog.open(dir, Codecs.string())) {
      log.append(List.of("a"));
      CheckpointException e = assertThrows(CheckpointException.class, () -> log.read(0, 3));
      assertEquals(
          "write-ahead log "
              + dir
              + " holds records 0 to 1, not 0 to 3; it was deleted "
              + "or damaged",
          e.getMessage());
    }
  }

  @Test
  void cutsOffATornGroup() throws IOException {
    try (ReceivedLog<String> log = ReceivedLog.open(dir, Codecs.string())) {
      log.append(List.of("a", "b"));
      log.append(List.of("c"));
    }
    Path segment = dir.resolve("records-00000000000000000000.log");
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(segment) - 2);
    }
    try (LogCapture logs = new LogCapture();
        ReceivedLog<String> log = ReceivedLog.open(dir, Codecs.string())) {
      assertEquals(2, log.next());
      assertEquals(1, logs.messages("WARN").size());
      log.append(List.of("c2"));
      assertEquals(List.of("a", "b", "c2"), log.read(0, 3));
    }
  }
}
