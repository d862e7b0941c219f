package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.WordCountBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MainCommandTest {

  private static final String NL = System.lineSeparator();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Properties properties = new Properties();
  private final MainCommand command =
      new MainCommand(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          properties);

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    assertEquals(0, command.run(new String[] {"--help"}, TestPipelineBuilder::new));
    assertEquals(Usage.of(new TestPipelineBuilder()), text(out));
    assertEquals("", text(err));
    assertEquals(new Properties(), properties);
  }

  @Test
  void badFlagPrintsOneErrorLineAndAPointerAndExitsTwo() {
    assertEquals(2, command.run(new String[] {"--lines"}, TestPipelineBuilder::new));
    assertEquals("", text(out));
    assertEquals(
        "error: --lines needs a value" + NL + "Run with --help for usage." + NL, text(err));
  }

  @Test
  void anUnboundInputWithoutDefaultNamesItsFlagAndExitsTwo() {
    assertEquals(2, command.run(new String[] {"--once"}, () -> new TestPipelineBuilder(false)));
    assertEquals("", text(out));
    assertEquals(
        "error: input 'lines' of pipeline WordCount has no default source; bind one with --lines"
            + " URI"
            + NL
            + "Run with --help for usage."
            + NL,
        text(err));
  }

  @Test
  void anUnboundInputWithoutDefaultThatIsNotTextCannotBeRunFromTheMain() {
    String[] args = {"--lines", "demo:"};
    assertEquals(2, command.run(args, () -> new TestPipelineBuilder(false)));
    assertEquals(
        "error: input 'events' of pipeline WordCount has no default source; it reads Event"
            + " records, not text, so bind one in code with .events(source)"
            + NL
            + "Run with --help for usage."
            + NL,
        text(err));
  }

  @Test
  void helpNeedsNoInputBound() {
    assertEquals(0, command.run(new String[] {"--help"}, () -> new TestPipelineBuilder(false)));
    assertEquals(Usage.of(new TestPipelineBuilder(false)), text(out));
  }

  @Test
  void badUriExitsTwo() {
    assertEquals(2, command.run(new String[] {"--lines=nope"}, TestPipelineBuilder::new));
    assertEquals(
        "error: --lines: source URI 'nope' has no scheme; use socket://host:port, file:///dir, "
            + "dir:path, files:paths or demo:"
            + NL
            + "Run with --help for usage."
            + NL,
        text(err));
  }

  @Test
  void pipelineThatCannotBeBuiltPrintsItsMessageAndExitsOne() {
    String[] args = {"--lines", "demo:", "--log-level", "warn"};
    assertEquals(1, command.run(args, TestPipelineBuilder::new));
    assertEquals("error: input lines of WordCount failed: unknown host nowhere" + NL, text(err));
    assertEquals("warn", properties.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    assertEquals("warn", properties.getProperty("org.slf4j.simpleLogger.log.dev.sluice"));
  }

  @Test
  @Timeout(60)
  void onceRunsTheFilesAsBatchesAndExitsZero(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("1.txt"), "a b\nb\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("2.txt"), "c\n", StandardCharsets.UTF_8);
    String[] args = {
      "--once",
      "--lines",
      "dir:" + in,
      "--counts",
      dir.toUri() + "out/counts",
      "--parallelism",
      "1",
      "--log-level",
      "warn"
    };

    assertEquals(0, command.run(args, WordCountBuilder::new));
    assertEquals("", text(err));
    try (Stream<Path> batches = Files.list(dir.resolve("out"))) {
      List<String> written =
          batches.sorted().map(batch -> read(batch.resolve("part-00000"))).toList();
      assertEquals(List.of("(a,1)\n(b,2)\n", "(c,1)\n"), written);
    }
  }

  @Test
  void onceWithADefaultSourceThatHasNoEndExitsOne() {
    assertEquals(1, command.run(new String[] {"--once"}, WordCountBuilder::new));
    assertEquals(
        "error: pipeline WordCount: input 'lines' reads from demo, which has no end; a "
            + "bounded run needs bounded inputs, such as files or a collection"
            + NL,
        text(err));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
