package dev.sluice.processor.model;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of {@code @Pipeline(batchInterval)}: a positive whole number followed by {@code ms},
 * {@code s}, {@code m} or {@code h}, with nothing else ({@code "2s"}, {@code "500ms"}). The same
 * grammar as the runtime's {@code dev.sluice.runtime.cli.DurationSyntax}, which the processor
 * cannot depend on; {@code DurationGrammarTest} keeps the two in step.
 */
public final class BatchInterval {

  private static final Pattern INTERVAL = Pattern.compile("([0-9]+)(ms|s|m|h)");

  private BatchInterval() {}

  /** The interval in milliseconds, or empty if {@code text} is not a valid positive interval. */
  public static OptionalLong parseMillis(String text) {
    Matcher matcher = INTERVAL.matcher(text);
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    long unit =
        switch (matcher.group(2)) {
          case "ms" -> 1L;
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          default -> 3_600_000L;
        };
    try {
      long millis = Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
      return millis > 0 ? OptionalLong.of(millis) : OptionalLong.empty();
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }
}
