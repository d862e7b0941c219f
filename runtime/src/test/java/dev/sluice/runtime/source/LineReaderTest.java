package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private final List<Long> tooLong = new ArrayList<>();

  @Test
  void splitsAtNewlineAndCrlf() throws IOException {
    assertEquals(List.of("a", "b", "", "c d"), readAll(new StringReader("a\nb\r\n\nc d\n"), 100));
    assertEquals(List.of(), tooLong);
  }

  @Test
  void returnsTheLastLineWithoutNewlineAtTheEnd() throws IOException {
    assertEquals(List.of("a", "tail"), readAll(new StringReader("a\ntail"), 100));
  }

  @Test
  void keepsALoneCarriageReturnInsideALine() throws IOException {
    assertEquals(List.of("a\rb"), readAll(new StringReader("a\rb\n"), 100));
  }

  @Test
  void joinsLinesAndCrlfSplitAcrossReads() throws IOException {
    Reader oneCharAtATime = new OneCharReader("first\r\nsecond line\nthird\r\n");
    assertEquals(List.of("first", "second line", "third"), readAll(oneCharAtATime, 100));
  }

  @Test
  void skipsAndReportsOverLongLinesInTheBuffer() throws IOException {
    String input = "ok\n" + "x".repeat(11) + "\n" + "y".repeat(10) + "\r\nafter\n";
    assertEquals(List.of("ok", "y".repeat(10), "after"), readAll(new StringReader(input), 10));
    assertEquals(List.of(11L), tooLong);
  }

  @Test
  void skipsAndReportsOverLongLinesAcrossReads() throws IOException {
    String input =
        "ok\n" + "x".repeat(25) + "\r\n" + "y".repeat(10) + "\r\n" + "z".repeat(11) + "\n";
    assertEquals(List.of("ok", "y".repeat(10)), readAll(new OneCharReader(input), 10));
    assertEquals(List.of(25L, 11L), tooLong);
  }

  @Test
  void skipsOverLongLinesLongerThanTheBuffer() throws IOException {
    String input = "z".repeat(20_000) + "\nnext\n";
    assertEquals(List.of("next"), readAll(new StringReader(input), 100));
    assertEquals(List.of(20_000L), tooLong);
  }

  @Test
  void reportsAnOverLongLastLineWithoutNewline() throws IOException {
    assertEquals(List.of("a"), readAll(new OneCharReader("a\n" + "q".repeat(12)), 10));
    assertEquals(List.of(12L), tooLong);
  }

  private List<String> readAll(Reader reader, int maxLength) throws IOException {
    LineReader lines = new LineReader(reader, maxLength, tooLong::add);
    List<String> result = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      result.add(line);
    }
    return result;
  }

  /** Returns one character per read, like a slow socket. */
  private static final class OneCharReader extends Reader {
    private final String text;
    private int next;

    OneCharReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (next == text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(next++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
