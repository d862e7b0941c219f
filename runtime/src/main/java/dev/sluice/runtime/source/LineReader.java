package dev.sluice.runtime.source;

import java.io.IOException;
import java.io.Reader;
import java.util.function.LongConsumer;

/**
 * Splits characters into lines at {@code \n}, dropping a {@code \r} before it, with a bound on the
 * line length. A line longer than the bound is never held in memory: its characters are counted and
 * dropped up to the next newline, then its length is reported. A last line without a newline is
 * returned at the end of the input.
 *
 * <p>Not thread-safe: one reading thread. Allocates one {@code String} per line returned; the
 * buffers are reused.
 */
final class LineReader {

  private static final int BUFFER_SIZE = 8192;

  private final Reader in;
  private final int maxLength;
  private final LongConsumer tooLong;
  private final char[] buffer = new char[BUFFER_SIZE];
  private int position;
  private int limit;

  /** The start of a line that spans reads; holds at most {@code maxLength + 1} characters. */
  private char[] pending = new char[128];

  private int pendingLength;

  private boolean skipping;
  private long skippedLength;
  private char lastSkipped;

  /**
   * @param in the characters to split
   * @param maxLength the longest line returned, in characters, without the line terminator
   * @param tooLong told the length of every line longer than {@code maxLength}, which is skipped
   */
  LineReader(Reader in, int maxLength, LongConsumer tooLong) {
    this.in = in;
    this.maxLength = maxLength;
    this.tooLong = tooLong;
  }

  /** The next line without its terminator, or {@code null} at the end of the input. */
  String readLine() throws IOException {
    while (true) {
      if (position == limit) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
          return endOfInput();
        }
        position = 0;
        limit = read;
        continue;
      }
      int start = position;
      int newline = indexOfNewline(start);
      if (newline < 0) {
        append(start, limit);
        position = limit;
        continue;
      }
      position = newline + 1;
      if (!skipping && pendingLength == 0) {
        // The whole line is in the buffer: make the string straight from it.
        int end = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        if (end - start <= maxLength) {
          return new String(buffer, start, end - start);
        }
        tooLong.accept(end - start);
        continue;
      }
      append(start, newline);
      String line = skipping ? finishSkipping() : takePending();
      if (line != null) {
        return line;
      }
    }
  }

  private int indexOfNewline(int from) {
    char[] chars = buffer;
    int end = limit;
    for (int i = from; i < end; i++) {
      if (chars[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int to) {
    int count = to - from;
    if (count == 0) {
      return;
    }
    if (!skipping && pendingLength + count > maxLength + 1) {
      // One character more than the bound may still be a '\r' before the newline.
      skipping = true;
      skippedLength = pendingLength;
      pendingLength = 0;
    }
    if (skipping) {
      skippedLength += count;
      lastSkipped = buffer[to - 1];
      return;
    }
    if (pendingLength + count > pending.length) {
      int capacity = Math.max(pending.length * 2, pendingLength + count);
      char[] grown = new char[Math.min(maxLength + 1, capacity)];
      System.arraycopy(pending, 0, grown, 0, pendingLength);
      pending = grown;
    }
    System.arraycopy(buffer, from, pending, pendingLength, count);
    pendingLength += count;
  }

  /** Returns the pending line, or reports it and returns {@code null} if it is too long. */
  private String takePending() {
    int end = pendingLength;
    if (end > 0 && pending[end - 1] == '\r') {
      end--;
    }
    pendingLength = 0;
    if (end > maxLength) {
      tooLong.accept(end);
      return null;
    }
    return new String(pending, 0, end);
  }

  /** Reports the line being skipped; always {@code null}, as there is no line to return. */
  private String finishSkipping() {
    long length = lastSkipped == '\r' ? skippedLength - 1 : skippedLength;
    skipping = false;
    skippedLength = 0;
    lastSkipped = 0;
    tooLong.accept(length);
    return null;
  }

  private String endOfInput() {
    if (skipping) {
      return finishSkipping();
    }
    return pendingLength > 0 ? takePending() : null;
  }
}
