package dev.sluice.runtime.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of Sluice, shared by {@code --batch-interval} and the processor's checks of
 * {@code @Pipeline(batchInterval)}: one or more ASCII digits followed immediately by a unit, {@code
 * ms}, {@code s}, {@code m} or {@code h}, with no spaces, sign, fraction or other unit ({@code
 * 500ms}, {@code 2s}, {@code 1m}, {@code 1h}). Units are lower case.
 */
public final class DurationSyntax {

  private static final Pattern SYNTAX = Pattern.compile("([0-9]+)(ms|s|m|h)");

  private DurationSyntax() {}

  /**
   * Parses {@code text}; {@code 0s} is accepted here, callers that need a positive duration check
   * that themselves.
   *
   * @throws IllegalArgumentException if {@code text} does not follow the syntax, or is too long a
   *     duration to represent in milliseconds
   */
  public static Duration parse(String text) {
    Matcher matcher = SYNTAX.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; use digits then ms, s, m or h, such as 500ms or 2s");
    }
    try {
      long amount = Long.parseLong(matcher.group(1));
      long unitMillis =
          switch (matcher.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            default -> 3_600_000;
          };
      return Duration.ofMillis(Math.multiplyExact(amount, unitMillis));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
  }

  /**
   * Formats a whole number of milliseconds in the largest unit that is exact: {@code 2s}, {@code
   * 1500ms}, {@code 1m}, {@code 90s}, {@code 1h}. {@link #parse} reads it back.
   *
   * @throws IllegalArgumentException if {@code duration} is negative or not whole milliseconds
   */
  public static String format(Duration duration) {
    if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "only a whole non-negative number of milliseconds can be formatted, was " + duration);
    }
    long millis = duration.toMillis();
    if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
