package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modification times are set explicitly, relative to a source started at 10 000 ms. */
class DirectorySourceTest {

  private static final long START = 10_000;

  @TempDir Path dir;

  @Test
  void readsEachNewFileOnceInNameOrder() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write("b.txt", "b1\nb2\n", 11_000);
    write("a.txt", "a1\r\na2", 11_500);

    assertEquals(List.of("a1", "a2", "b1", "b2"), source.nextBatch(12_000));
    assertEquals(List.of(), source.nextBatch(14_000));

    write("c.txt", "c1\n", 15_000);
    assertEquals(List.of("c1"), source.nextBatch(16_000));
  }

  @Test
  void aPlanReadsItsFilesAgainAndAResumedSourceGoesOnAfterIt() throws IOException {
    DirectorySource before = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write("a.txt", "a\n", 11_000);
    byte[] first = before.plan(12_000);
    write("b.txt", "b\n", 13_000);
    byte[] second = before.plan(14_000);
    assertEquals(List.of("a"), before.read(12_000, first));

    // a crash; the restart's source is made later, so its own start would exclude the files
    // written while it was down: resumed from the last plan, it keeps the first run's start
    write("c.txt", "c\n", 15_000);
    write("d.txt", "d\n", 17_500);
    DirectorySource after = new DirectorySource(dir, Duration.ofSeconds(60), 30_000);
    after.resume(14_000, second);
    assertEquals(List.of("b"), after.read(14_000, second));
    assertEquals(List.of("c"), after.nextBatch(16_000)); // the intervals missed while down
    assertEquals(List.of("d"), after.nextBatch(18_000));
    assertEquals(List.of(), after.nextBatch(20_000));
  }

  @Test
  void aPlannedFileDeletedBeforeItsBatchCommittedIsAnError() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write("gone.txt", "x\n", 11_000);
    byte[] plan = source.plan(12_000);
    Files.delete(dir.resolve("gone.txt"));
    FileNotFoundException e =
        assertThrows(FileNotFoundException.class, () -> source.read(12_000, plan));
    assertEquals(
        "directory source "
            + dir.toAbsolutePath().normalize()
            + ": file gone.txt of "
            + "the batch at 12000 was deleted before the batch committed",
        e.getMessage());
  }

  @Test
  void ignoresHiddenAndTemporaryFilesAndSubdirectories() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write(".partial.tmp", "hidden\n", 11_000);
    write("_COPYING_", "temporary\n", 11_000);
    Files.createDirectory(dir.resolve("sub"));
    write("sub/inner.txt", "nested\n", 11_000);
    write("visible.txt", "seen\n", 11_000);

    assertEquals(List.of("seen"), source.nextBatch(12_000));
  }

  @Test
  void picksUpARenamedFileAtTheNextBatch() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write(".data.tmp", "line\n", 12_500);
    assertEquals(List.of(), source.nextBatch(12_000));
    Files.move(dir.resolve(".data.tmp"), dir.resolve("data.txt"));
    assertEquals(List.of("line"), source.nextBatch(14_000));
  }

  @Test
  void leavesFilesStampedAfterTheBatchTimeForTheNextBatch() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write("late.txt", "late\n", 12_001);
    assertEquals(List.of(), source.nextBatch(12_000));
    assertEquals(List.of("late"), source.nextBatch(14_000));
  }

  @Test
  void ignoresFilesOlderThanTheSource() throws IOException {
    write("old.txt", "old\n", START - 1);
    write("new.txt", "new\n", START);
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    assertEquals(List.of("new"), source.nextBatch(12_000));
  }

  @Test
  void readsAFileThatShowsUpLateWithinTheRememberWindow() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    assertEquals(List.of(), source.nextBatch(12_000));
    assertEquals(List.of(), source.nextBatch(14_000));
    write("copied.txt", "kept its time\n", 11_000); // e.g. moved in with its old timestamp
    assertEquals(List.of("kept its time"), source.nextBatch(16_000));
  }

  @Test
  void forgetsFilesOnceTheyLeaveTheRememberWindow() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    write("a.txt", "a\n", 11_000);
    write("b.txt", "b\n", 13_000);
    assertEquals(List.of("a", "b"), source.nextBatch(14_000));
    assertEquals(2, source.rememberedFiles());
    // Threshold min(previous batch 14 000, 72 000 - 60 000) = 12 000: a is forgotten, not reread.
    assertEquals(List.of(), source.nextBatch(72_000));
    assertEquals(1, source.rememberedFiles());
    assertEquals(List.of(), source.nextBatch(80_000));
    assertEquals(0, source.rememberedFiles());
  }

  @Test
  void keepsFilesOfOneWholeIntervalWhenItIsLongerThanTheWindow() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(1), START);
    assertEquals(List.of(), source.nextBatch(12_000));
    write("early.txt", "early in a 10 s interval\n", 12_500);
    assertEquals(List.of("early in a 10 s interval"), source.nextBatch(22_000));
  }

  @Test
  void decodesUtf8AndReplacesMalformedBytes() throws IOException {
    DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(60), START);
    Path file = dir.resolve("bytes.txt");
    byte[] text = "héllo\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBadByte = new byte[text.length + 2];
    System.arraycopy(text, 0, withBadByte, 0, text.length);
    withBadByte[text.length] = (byte) 0xff;
    withBadByte[text.length + 1] = '\n';
    Files.write(file, withBadByte);
    Files.setLastModifiedTime(file, FileTime.fromMillis(11_000));
    assertEquals(List.of("héllo", "\uFFFD"), source.nextBatch(12_000));
  }

  @Test
  void rejectsAMissingDirectoryAtCreationAndAtABatch() throws IOException {
    Path missing = dir.resolve("missing");
    IllegalArgumentException atCreation =
        assertThrows(IllegalArgumentException.class, () -> Sources.directory(missing));
    assertEquals("directory source " + missing + ": no such directory", atCreation.getMessage());

    Path gone = Files.createDirectory(dir.resolve("gone"));
    DirectorySource source = new DirectorySource(gone, Duration.ofSeconds(60), START);
    Files.delete(gone);
    FileNotFoundException atBatch =
        assertThrows(FileNotFoundException.class, () -> source.nextBatch(12_000));
    assertEquals("directory source " + gone + ": no such directory", atBatch.getMessage());
  }

  @Test
  void describesItselfByAbsolutePath() {
    assertEquals("directory " + dir.toAbsolutePath(), Sources.directory(dir).describe());
  }

  private void write(String name, String content, long modifiedMs) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMs));
  }
}
