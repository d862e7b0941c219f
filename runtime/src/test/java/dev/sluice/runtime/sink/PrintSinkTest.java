package dev.sluice.runtime.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrintSinkTest {

  private static final String HEADER =
      "-------------------------------------------\n"
          + "Time: 1764032400000 ms\n"
          + "-------------------------------------------\n";
  private static final long TIME = 1764032400000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void printsTheHeaderAndAnEmptyLineForAnEmptyBatch() throws Exception {
    Sinks.<String>print(10, out).write(TestBatch.of(TIME, List.of(), List.of()));
    Sinks.<String>print(10, out).write(TestBatch.of(TIME));
    assertEquals(HEADER + "\n" + HEADER + "\n", printed());
  }

  @Test
  void printsTwoRecords() throws Exception {
    Sinks.<KV<String, Long>>print(10, out)
        .write(TestBatch.of(TIME, List.of(KV.of("hello", 1L), KV.of("world", 1L))));
    assertEquals(HEADER + "(hello,1)\n(world,1)\n\n", printed());
  }

  @Test
  void printsTenRecordsWithoutEllipsis() throws Exception {
    Sinks.<Integer>print(10, out).write(TestBatch.of(TIME, numbers(0, 10)));
    assertEquals(HEADER + "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n\n", printed());
  }

  @Test
  void printsTheFirstTenOfElevenRecordsThenAnEllipsis() throws Exception {
    Sinks.<Integer>print(10, out).write(TestBatch.of(TIME, numbers(0, 11)));
    assertEquals(HEADER + "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n...\n\n", printed());
  }

  @Test
  void printsPartitionByPartitionUpToTheLimit() throws Exception {
    Sink<String> sink = Sinks.print(3, out);
    sink.write(TestBatch.of(TIME, List.of("a", "b"), List.of(), List.of("c", "d"), List.of("e")));
    sink.write(TestBatch.of(TIME + 2000, List.of(), List.of("x"), List.of("y", "z")));
    String second = HEADER.replace("1764032400000", "1764032402000");
    assertEquals(HEADER + "a\nb\nc\n...\n\n" + second + "x\ny\nz\n\n", printed());
  }

  @Test
  void printsNullAsNull() throws Exception {
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    Sinks.<String>print(10, out).write(TestBatch.of(TIME, withNull));
    assertEquals(HEADER + "null\n\n", printed());
  }

  @Test
  void failsTheBatchWhenTheStreamFails() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("broken pipe");
          }
        };
    Sink<String> sink = Sinks.print(10, new PrintStream(broken, false, StandardCharsets.UTF_8));
    IOException e = assertThrows(IOException.class, () -> sink.write(TestBatch.of(TIME)));
    assertEquals("print sink: writing to the output stream failed", e.getMessage());
  }

  @Test
  void rejectsANegativeLimit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sinks.print(-1, out));
    assertEquals("print limit must not be negative, was -1", e.getMessage());
  }

  private static List<Integer> numbers(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
