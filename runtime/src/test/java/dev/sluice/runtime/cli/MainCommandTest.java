package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
  void badUriExitsTwo() {
    assertEquals(2, command.run(new String[] {"--lines=nope"}, TestPipelineBuilder::new));
    assertEquals(
        "error: --lines: source URI 'nope' has no scheme; use socket://host:port, file:///dir or "
            + "demo:" + NL + "Run with --help for usage." + NL,
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

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
