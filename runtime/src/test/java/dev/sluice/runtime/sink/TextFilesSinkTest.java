package dev.sluice.runtime.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.KV;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesSinkTest {

  private static final long TIME = 1764032400000L;

  @TempDir Path dir;

  @Test
  void writesOnePartFilePerPartitionAndSuccessMarker() throws Exception {
    List<KV<String, Long>> first = List.of(KV.of("hello", 2L), KV.of("wörld", 1L));
    List<KV<String, Long>> second = List.of(KV.of("spark", 1L));
    Sinks.<KV<String, Long>>saveAsTextFiles(dir.resolve("counts").toString(), "txt")
        .write(TestBatch.of(TIME, first, second));

    assertEquals(List.of("counts-1764032400000.txt"), list(dir));
    Path batch = dir.resolve("counts-1764032400000.txt");
    assertEquals(List.of("_SUCCESS", "part-00000", "part-00001"), list(batch));
    assertEquals("(hello,2)\n(wörld,1)\n", read(batch.resolve("part-00000")));
    assertEquals("(spark,1)\n", read(batch.resolve("part-00001")));
    assertEquals("", read(batch.resolve("_SUCCESS")));
  }

  @Test
  void writesEveryBatchWithoutSuffixIntoItsOwnDirectory() throws Exception {
    var sink = Sinks.<String>saveAsTextFiles(dir.resolve("out/lines").toString());
    sink.write(TestBatch.of(2000, List.of("a")));
    sink.write(TestBatch.of(4000, List.of("b")));
    assertEquals(List.of("lines-2000", "lines-4000"), list(dir.resolve("out")));
    assertEquals("b\n", read(dir.resolve("out/lines-4000/part-00000")));
  }

  @Test
  void writesEmptyBatches() throws Exception {
    var sink = Sinks.<String>saveAsTextFiles(dir.resolve("e").toString(), "txt");
    sink.write(TestBatch.of(2000));
    sink.write(TestBatch.of(4000, List.of(), List.of()));
    assertEquals(List.of("_SUCCESS"), list(dir.resolve("e-2000.txt")));
    assertEquals(List.of("_SUCCESS", "part-00000", "part-00001"), list(dir.resolve("e-4000.txt")));
    assertEquals("", read(dir.resolve("e-4000.txt/part-00001")));
    assertEquals(List.of("e-2000.txt", "e-4000.txt"), list(dir));
  }

  @Test
  void replacesTheDirectoryOfARerunBatch() throws Exception {
    var sink = Sinks.<String>saveAsTextFiles(dir.resolve("r").toString(), "txt");
    sink.write(TestBatch.of(TIME, List.of("old"), List.of("old"), List.of("old")));
    sink.write(TestBatch.of(TIME, List.of("new")));
    Path batch = dir.resolve("r-1764032400000.txt");
    assertEquals(List.of("r-1764032400000.txt"), list(dir));
    assertEquals(List.of("_SUCCESS", "part-00000"), list(batch));
    assertEquals("new\n", read(batch.resolve("part-00000")));
  }

  @Test
  void clearsATemporaryDirectoryLeftByACrash() throws Exception {
    Path leftover = Files.createDirectories(dir.resolve(".c-2000.tmp"));
    Files.writeString(leftover.resolve("part-00007"), "half");
    Sinks.<String>saveAsTextFiles(dir.resolve("c").toString()).write(TestBatch.of(2000));
    assertEquals(List.of("c-2000"), list(dir));
    assertEquals(List.of("_SUCCESS"), list(dir.resolve("c-2000")));
  }

  @Test
  void rejectsAPrefixWithoutANameAndASuffixWithASeparator() {
    IllegalArgumentException noName =
        assertThrows(IllegalArgumentException.class, () -> Sinks.saveAsTextFiles("/out/"));
    assertEquals(
        "text files prefix '/out/' must end with a name, such as /out/counts", noName.getMessage());
    IllegalArgumentException badSuffix =
        assertThrows(IllegalArgumentException.class, () -> Sinks.saveAsTextFiles("/o/c", "a/b"));
    assertEquals(
        "text files suffix 'a/b' must not contain a path separator", badSuffix.getMessage());
  }

  static List<String> list(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
