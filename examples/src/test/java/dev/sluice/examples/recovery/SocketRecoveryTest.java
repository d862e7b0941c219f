package dev.sluice.examples.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket source's write-ahead log under a real crash: the generated WordCount reads lines from
 * a server on loopback, is killed with SIGKILL as soon as every line is in its log (most likely
 * before the 2 s batch holding them committed), and is started again. Each line (a word of its own)
 * must then be counted exactly once, in exactly one committed batch.
 */
@Timeout(120)
class SocketRecoveryTest {

  private static final int LINES = 200;

  @TempDir Path dir;

  @Test
  @SuppressWarnings("try") // the restart's connection is accepted and held open, never used
  void linesReceivedBeforeAKillAreInExactlyOneCommittedBatchAfterTheRestart() throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    Path checkpoint = dir.resolve("checkpoint");
    // the write-ahead log's directory made ahead, so that its changes can be watched
    Path received = Files.createDirectories(checkpoint.resolve("received").resolve("lines"));
    Path log = dir.resolve("child.log");
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        DirectoryEvents events = new DirectoryEvents(received, output)) {
      List<String> args =
          List.of(
              "--lines",
              "socket://127.0.0.1:" + server.getLocalPort(),
              "--print",
              "file://" + output.resolve("counts"),
              "--checkpoint",
              checkpoint.toString(),
              "--batch-interval",
              "2s",
              "--parallelism",
              "2");
      try (ChildPipeline first =
              ChildPipeline.start("dev.sluice.examples.WordCountMain", args, null, log);
          Socket connection = server.accept()) {
        Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8);
        for (int i = 0; i < LINES; i++) {
          out.write("line" + i + "\n");
        }
        out.flush();
        byte[] last = ("line" + (LINES - 1)).getBytes(StandardCharsets.UTF_8);
        events.await(() -> contains(received, last), first, 60, "the last line logged");
        first.kill(); // most likely before the batch holding the lines committed
      }
      try (ChildPipeline second =
              ChildPipeline.start("dev.sluice.examples.WordCountMain", args, null, log);
          Socket reconnected = server.accept()) {
        // the interval missed while down is the first batch
        events.await(() -> batchesOfLine(output).size() == LINES, second, 60, "every line written");
        second.kill();
      }
    } catch (AssertionError | Exception e) {
      System.err.println(Files.readString(log));
      throw e;
    }
    Map<String, Integer> batchesOfLine = batchesOfLine(output);
    assertEquals(LINES, batchesOfLine.size(), "every line in a committed batch");
    assertEquals(
        List.of(1),
        batchesOfLine.values().stream().distinct().toList(),
        "every line in exactly one batch");
  }

  /** For each line counted in a committed batch, in how many batches it was counted. */
  private static Map<String, Integer> batchesOfLine(Path output) throws IOException {
    Map<String, Integer> batchesOfLine = new TreeMap<>();
    try (Stream<Path> batches = Files.list(output)) {
      for (Path batch :
          batches.filter(b -> b.getFileName().toString().startsWith("counts-")).toList()) {
        try (Stream<Path> parts = Files.list(batch)) {
          for (Path part :
              parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
            for (String line : Files.readAllLines(part)) {
              String word = line.substring(1, line.indexOf(','));
              assertEquals(",1)", line.substring(line.indexOf(',')), line);
              batchesOfLine.merge(word, 1, Integer::sum);
            }
          }
        }
      }
    }
    return batchesOfLine;
  }

  private static boolean contains(Path directory, byte[] marker) throws IOException {
    try (Stream<Path> segments = Files.list(directory)) {
      for (Path segment : segments.toList()) {
        String text = new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1);
        if (text.contains(new String(marker, StandardCharsets.ISO_8859_1))) {
          return true;
        }
      }
    }
    return false;
  }
}
