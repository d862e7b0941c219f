package dev.sluice.bench.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures file: what a fresh JVM writes, its parent takes back row for row. */
class ResultsTest {

  @Test
  void includeTakesBackEveryFigureOfAWrittenFileWithoutPrintingIt(@TempDir Path dir)
      throws Exception {
    Results child =
        new Results(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    child.add("latency", 1, "10 ms", "p99", 15.25, "ms");
    child.add("latency", 1, "10 ms", "gc count", 3, "");
    Path childFile = dir.resolve("child.tsv");
    child.write(childFile, "latency:1:6700000 in a fresh JVM");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Results parent = new Results(new PrintStream(printed, true, StandardCharsets.UTF_8));
    parent.include(childFile);
    Path parentFile = dir.resolve("parent.tsv");
    parent.write(parentFile, "full run");

    List<String> childLines = Files.readAllLines(childFile);
    List<String> parentLines = Files.readAllLines(parentFile);
    assertEquals("# full run", parentLines.get(0));
    assertEquals(Results.HEADER, parentLines.get(1));
    assertEquals(childLines.subList(2, 4), parentLines.subList(2, 4));
    assertEquals(4, parentLines.size());
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
  }
}
