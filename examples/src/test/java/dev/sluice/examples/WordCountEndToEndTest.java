package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Sink;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import dev.sluice.test.PipelineTestDriver;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of the README, end to end: the generated WordCount over a real TCP socket on
 * loopback, three lines in three batches run by the test kit's driver.
 */
@Timeout(60)
class WordCountEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Two seconds before the first batch time, 1764032400000, a multiple of the interval. */
  private static final long START = 1_764_032_398_000L;

  private static final List<String> TRACE = List.of("hello world", "hello spark", "world spark");

  @Test
  void printsTheCountsOfEachBatch() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    runTrace(Sinks.print(10, new PrintStream(printed, true, UTF_8)));

    assertEquals(
        """
        -------------------------------------------
        Time: 1764032400000 ms
        -------------------------------------------
        (hello,1)
        (world,1)

        -------------------------------------------
        Time: 1764032402000 ms
        -------------------------------------------
        (hello,1)
        (spark,1)

        -------------------------------------------
        Time: 1764032404000 ms
        -------------------------------------------
        (world,1)
        (spark,1)

        """,
        printed.toString(UTF_8));
  }

  @Test
  void savesEachBatchAsTextFiles(@TempDir Path out) throws Exception {
    runTrace(Sinks.saveAsTextFiles(out.resolve("counts").toString(), "txt"));

    assertEquals(
        List.of(
            "counts-1764032400000.txt: (hello,1) (world,1)",
            "counts-1764032402000.txt: (hello,1) (spark,1)",
            "counts-1764032404000.txt: (world,1) (spark,1)"),
        committedBatches(out));
    try (Stream<Path> files = Files.list(out)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")));
    }
  }

  /**
   * Feeds the trace through a socket, one line per batch, into a WordCount writing to sink, driven
   * by the test kit; each line is in the pipeline's hands before its batch runs.
   */
  private static void runTrace(Sink<Object> sink) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CountingSource<String> lines =
          new CountingSource<>(Sources.socketText("127.0.0.1", server.getLocalPort()));
      PipelineBuilder<?> builder = WordCountPipeline.builder().lines(lines).print(sink);
      try (PipelineTestDriver driver = PipelineTestDriver.start(builder.parallelism(2), START);
          Socket peer = server.accept();
          Writer writer = new OutputStreamWriter(peer.getOutputStream(), UTF_8)) {
        for (String line : TRACE) {
          writer.write(line + "\n");
          writer.flush();
          assertTrue(lines.awaitStored(1, WAIT), "line received: " + line);
          driver.advanceBatch();
        }
      }
    }
  }

  /** Each committed batch directory as "name: lines of its part files, in order". */
  private static List<String> committedBatches(Path out) throws Exception {
    try (Stream<Path> dirs = Files.list(out)) {
      return dirs.filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().startsWith("."))
          .sorted()
          .map(WordCountEndToEndTest::describeBatch)
          .toList();
    }
  }

  private static String describeBatch(Path dir) {
    try (Stream<Path> parts = Files.list(dir)) {
      assertTrue(Files.exists(dir.resolve("_SUCCESS")), dir + " has _SUCCESS");
      StringBuilder text = new StringBuilder(dir.getFileName().toString()).append(":");
      for (Path part :
          parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : Files.readAllLines(part, UTF_8)) {
          text.append(' ').append(line);
        }
      }
      return text.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
