package dev.sluice.runtime.engine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what slf4j-simple (the test logger) prints to {@code System.err} while open. Test
 * classes run one at a time, so the swap of {@code System.err} is theirs alone.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Starts capturing. */
  public LogCapture() {
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  /** The captured lines that contain {@code text}. */
  public List<String> lines(String text) {
    return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).toList();
  }

  /** The captured lines of level {@code level} (such as {@code ERROR}), without the prefix. */
  public List<String> messages(String level) {
    String marker = "] " + level + " ";
    return bytes
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("[") && l.contains(marker))
        .map(l -> l.substring(l.indexOf(" - ", l.indexOf(marker)) + 3))
        .toList();
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(bytes.toString(StandardCharsets.UTF_8));
  }
}
