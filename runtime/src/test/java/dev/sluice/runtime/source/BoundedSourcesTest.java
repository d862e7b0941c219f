package dev.sluice.runtime.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.BoundedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedSourcesTest {

  @TempDir Path dir;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a1\na2\na3\n", UTF_8);
    Files.writeString(dir.resolve("b.txt"), "b1\r\nb2", UTF_8);
    Files.writeString(dir.resolve("c.log"), "", UTF_8);
    Files.writeString(dir.resolve(".hidden"), "h\n", UTF_8);
    Files.writeString(dir.resolve("_SUCCESS"), "", UTF_8);
    Files.createDirectory(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub").resolve("d.txt"), "d1\n", UTF_8);
  }

  /**
   * Every batch until the source is exhausted, and whether it said so right after its last record.
   */
  private static <T> List<List<T>> drain(BoundedSource<T> source) throws Exception {
    List<List<T>> batches = new ArrayList<>();
    while (!source.exhausted()) {
      batches.add(source.nextBatch(0));
    }
    assertEquals(List.of(), source.nextBatch(0), "empty once exhausted");
    source.close();
    return batches;
  }

  @Test
  void linesAreCutIntoBatchesAcrossFiles() throws Exception {
    BoundedSource<String> lines = Sources.textFiles(dir.toString(), BatchSize.records(2));
    assertEquals(List.of(List.of("a1", "a2"), List.of("a3", "b1"), List.of("b2")), drain(lines));
    assertEquals("text files (3 files, 2 records a batch) " + dir, lines.describe());
  }

  @Test
  void exhaustedRightAfterTheLastLine() throws Exception {
    BoundedSource<String> lines =
        Sources.textFiles(
            List.of(dir.resolve("a.txt"), dir.resolve("c.log")), BatchSize.records(3));
    assertFalse(lines.exhausted());
    assertEquals(List.of("a1", "a2", "a3"), lines.nextBatch(0));
    assertTrue(lines.exhausted(), "the empty file after it holds nothing");
  }

  @Test
  void wholeFilesFormBatches() throws Exception {
    BoundedSource<String> lines = Sources.textFiles(dir.toString(), BatchSize.files(2));
    assertEquals(List.of(List.of("a1", "a2", "a3", "b1", "b2"), List.of()), drain(lines));
  }

  @Test
  void globsAndListsNameFilesInOrder() throws Exception {
    assertEquals(
        List.of(List.of("b1", "b2"), List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("d1")),
        drain(
            Sources.textFiles(
                dir.resolve("b.txt") + "," + dir + "/*.txt," + dir + "/sub/*",
                BatchSize.files(1))));
    assertEquals(
        List.of(List.of("a1", "a2", "a3", "b1", "b2", "d1")),
        drain(Sources.textFiles(dir + "/**.txt", BatchSize.records(10))));
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sources.textFiles(dir + "/*.csv", BatchSize.records(1)));
    assertEquals("no file matches '" + dir + "/*.csv'", none.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Sources.textFiles(dir.resolve("nope.txt").toString(), BatchSize.records(1)));
  }

  @Test
  void collectionsAndBatchesAreBounded() throws Exception {
    assertEquals(
        List.of(List.of(1, 2), List.of(3)), drain(Sources.collection(List.of(1, 2, 3), 2)));
    BoundedSource<Integer> batches =
        (BoundedSource<Integer>) Sources.batches(List.of(List.of(1), List.of(), List.of(2)));
    assertEquals(List.of(List.of(1), List.of(), List.of(2)), drain(batches));
    assertTrue(((BoundedSource<?>) Sources.batches(List.of(List.of(), List.of()))).exhausted());
  }

  @Test
  void batchSizesParse() {
    assertEquals(BatchSize.records(1000), BatchSize.parse("1000"));
    assertEquals(BatchSize.files(1), BatchSize.parse("1file"));
    assertEquals(BatchSize.files(3), BatchSize.parse("3files"));
    for (String bad : List.of("0", "files", "-1", "2 files", "9999999999", "x")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BatchSize.parse(bad), bad);
      assertEquals(
          "batch size '"
              + bad
              + "' must be a number of records or of files, such as "
              + "1000 or 2files, from 1 to 2147483647",
          e.getMessage());
    }
  }

  @Test
  void boundedUrisNameFilesOrADirectoryAsItIsNow() throws Exception {
    assertEquals(
        List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of()),
        drain(Sources.boundedFromUri("dir:" + dir, BatchSize.files(1))),
        "c.log is empty");
    assertEquals(
        List.of(List.of("d1")),
        drain(Sources.boundedFromUri(dir.resolve("sub").toUri().toString(), BatchSize.files(1))));
    IllegalArgumentException socket =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sources.boundedFromUri("socket://localhost:9999", BatchSize.files(1)));
    assertEquals(
        "source 'socket://localhost:9999' has no end; a bounded run reads files:paths, "
            + "file:///dir or dir:path (the files there now)",
        socket.getMessage());
  }
}
