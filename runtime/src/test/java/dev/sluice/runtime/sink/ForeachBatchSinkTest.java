package dev.sluice.runtime.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Sink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeachBatchSinkTest {

  @Test
  void passesTimeAndRecordsPartitionByPartitionAlsoWhenEmpty() throws Exception {
    List<String> calls = new ArrayList<>();
    Sink<String> sink = Sinks.foreachBatch((time, records) -> calls.add(time + " " + records));
    sink.write(TestBatch.of(1000, List.of("a"), List.of(), List.of("b", "c")));
    sink.write(TestBatch.of(2000, List.of(), List.of()));
    assertEquals(List.of("1000 [a, b, c]", "2000 []"), calls);
  }

  @Test
  void passesTheBatchIndexToAnIndexedConsumer() throws Exception {
    List<String> calls = new ArrayList<>();
    Sink<String> sink =
        Sinks.foreachBatch((time, index, records) -> calls.add(time + "#" + index + " " + records));
    sink.write(TestBatch.of(1000, List.of("a"), List.of("b")).withIndex(4));
    sink.write(TestBatch.<String>of(2000).withIndex(5));
    assertEquals(List.of("1000#4 [a, b]", "2000#5 []"), calls);
  }

  @Test
  void propagatesTheConsumersException() {
    Exception thrown = new Exception("database down");
    Sink<String> sink =
        Sinks.foreachBatch(
            (time, records) -> {
              throw thrown;
            });
    assertSame(thrown, assertThrows(Exception.class, () -> sink.write(TestBatch.of(1000))));
  }
}
