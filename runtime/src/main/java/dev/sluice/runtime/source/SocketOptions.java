package dev.sluice.runtime.source;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the socket text source: the longest line it accepts and how it reconnects.
 *
 * <p>After a refused or dropped connection the source waits {@code initialBackoff}, doubling the
 * wait after every further failure up to {@code maxBackoff}; a successful connect resets it.
 *
 * @param maxLineLength the longest line, in characters, that is stored; longer lines are skipped up
 *     to the next newline and reported, so a peer cannot exhaust memory
 * @param initialBackoff the wait before the first reconnection attempt
 * @param maxBackoff the longest wait between attempts
 * @param connectTimeout how long one connection attempt may take
 */
public record SocketOptions(
    int maxLineLength, Duration initialBackoff, Duration maxBackoff, Duration connectTimeout) {

  /** 1 MiB characters: far above any sane text line, far below a memory problem. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

  /** The defaults: 1 MiB characters per line, back-off from 100 ms to 5 s, 10 s to connect. */
  public static final SocketOptions DEFAULTS =
      new SocketOptions(
          DEFAULT_MAX_LINE_LENGTH,
          Duration.ofMillis(100),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));

  /** Checks that every setting is positive and the back-off range is ordered. */
  public SocketOptions {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be at least 1, was " + maxLineLength);
    }
    requirePositiveMillis("initialBackoff", initialBackoff);
    requirePositiveMillis("maxBackoff", maxBackoff);
    requirePositiveMillis("connectTimeout", connectTimeout);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
    }
  }

  /** These options with another maximum line length. */
  public SocketOptions withMaxLineLength(int maxLineLength) {
    return new SocketOptions(maxLineLength, initialBackoff, maxBackoff, connectTimeout);
  }

  /** These options with another back-off range. */
  public SocketOptions withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new SocketOptions(maxLineLength, initialBackoff, maxBackoff, connectTimeout);
  }

  /** These options with another connect timeout. */
  public SocketOptions withConnectTimeout(Duration connectTimeout) {
    return new SocketOptions(maxLineLength, initialBackoff, maxBackoff, connectTimeout);
  }

  private static void requirePositiveMillis(String name, Duration value) {
    if (value.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
    }
  }
}
