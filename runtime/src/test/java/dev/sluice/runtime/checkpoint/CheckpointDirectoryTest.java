package dev.sluice.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {

  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir Path dir;

  private CheckpointDirectory open(String pipeline, Duration interval) {
    return CheckpointDirectory.open(dir, pipeline, interval, () -> 42_000);
  }

  @Test
  void createsThenReopensWithTheSameIdentity() throws IOException {
    try (CheckpointDirectory created = open("WordCount", INTERVAL)) {
      assertTrue(created.created());
      assertEquals(new CheckpointIdentity("WordCount", 2000, 42_000), created.identity());
    }
    assertEquals(
        """
        # Sluice checkpoint directory; written once, do not edit
        format=1
        pipeline=WordCount
        batchIntervalMs=2000
        firstBatchTime=42000
        crc32c=%s
        """
            .formatted(crcLine()),
        Files.readString(dir.resolve("checkpoint.properties")));
    try (CheckpointDirectory reopened =
        CheckpointDirectory.open(dir, "WordCount", INTERVAL, () -> 99_000)) {
      assertFalse(reopened.created());
      assertEquals(42_000, reopened.identity().firstBatchTime());
    }
  }

  private String crcLine() throws IOException {
    String text = Files.readString(dir.resolve("checkpoint.properties"));
    return text.substring(text.indexOf("crc32c=") + 7, text.length() - 1);
  }

  @Test
  void refusesAnotherPipelinesDirectory() throws IOException {
    open("WordCount", INTERVAL).close();
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> open("Sessions", INTERVAL));
    assertEquals(
        "checkpoint directory "
            + dir
            + " belongs to pipeline WordCount, not Sessions; "
            + "give Sessions a directory of its own",
        e.getMessage());
  }

  @Test
  void refusesAnotherBatchIntervalAndSaysHowToGoOn() throws IOException {
    open("WordCount", INTERVAL).close();
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> open("WordCount", Duration.ofMillis(500)));
    assertEquals(
        "checkpoint directory "
            + dir
            + " was written with a batch interval of 2000 ms, "
            + "and this run asks for 500 ms; the logged batches' times depend on it. Run with "
            + "--batch-interval 2000ms to resume, or start fresh with a new checkpoint directory",
        e.getMessage());
  }

  @Test
  void refusesADirectoryInUse() throws IOException {
    try (CheckpointDirectory running = open("WordCount", INTERVAL)) {
      assertTrue(running.created());
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> open("WordCount", INTERVAL));
      assertEquals(
          "checkpoint directory "
              + dir
              + " is in use by another running pipeline (pid "
              + ProcessHandle.current().pid()
              + "); stop it first, or give this run a directory of "
              + "its own",
          e.getMessage());
    }
    open("WordCount", INTERVAL).close(); // released by close
  }

  @Test
  void detectsADamagedIdentityFile() throws IOException {
    open("WordCount", INTERVAL).close();
    Path file = dir.resolve("checkpoint.properties");
    Files.writeString(file, Files.readString(file).replace("2000", "1000"));
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> open("WordCount", INTERVAL));
    assertEquals(
        "checkpoint file "
            + file
            + " is damaged (its checksum does not match); restore "
            + "it or start with a new checkpoint directory",
        e.getMessage());
  }

  @Test
  void refusesALogWithoutItsIdentity() throws IOException {
    open("WordCount", INTERVAL).close();
    Files.delete(dir.resolve("checkpoint.properties"));
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> open("WordCount", INTERVAL));
    assertEquals(
        "checkpoint directory "
            + dir
            + " has a batch log but no checkpoint.properties; "
            + "restore that file or start with a new directory",
        e.getMessage());
  }

  @Test
  void deletesTemporaryFilesOfAnInterruptedWrite() throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(".checkpoint.properties.tmp"), "half".getBytes(StandardCharsets.UTF_8));
    try (CheckpointDirectory created = open("WordCount", INTERVAL)) {
      assertTrue(created.created());
    }
    assertFalse(Files.exists(dir.resolve(".checkpoint.properties.tmp")));
  }
}
