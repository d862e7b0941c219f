package dev.sluice.examples;

import static dev.sluice.test.BatchAssertions.assertNotWritten;
import static dev.sluice.test.BatchAssertions.assertWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.KV;
import dev.sluice.test.PipelineTestDriver;
import dev.sluice.test.TestInput;
import dev.sluice.test.TestOutput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The windowed and running word counts on the demo trace ("hello world", "hello spark", "world
 * spark", one line per batch), through the test kit.
 */
@Timeout(60)
class WindowAndStateExamplesTest {

  private static final List<List<String>> TRACE =
      List.of(
          List.of("hello world"),
          List.of("hello spark"),
          List.of("world spark"),
          List.of("hello world"),
          List.of("hello spark"),
          List.of("world spark"));

  private static KV<String, Long> kv(String word, long count) {
    return KV.of(word, count);
  }

  @Test
  void windowedWordCountEmitsEveryTenSecondsTheLastThirty() {
    // 5 s batches: a 30 s window sliding by 10 s is 6 batches emitted at batches 1, 3, 5
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(WindowedWordCountPipeline.builder().parallelism(1))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Long>> counts = driver.output("print");
      lines.addBatches(TRACE);
      driver.advanceBatches(6);

      assertNotWritten(counts, 0);
      assertWindow(List.of(kv("hello", 2), kv("world", 1), kv("spark", 1)), counts, 1);
      assertWindow(List.of(kv("hello", 3), kv("world", 3), kv("spark", 2)), counts, 3);
      assertWindow(List.of(kv("hello", 4), kv("world", 4), kv("spark", 4)), counts, 5);
      assertEquals(10_000, driver.batchTime(1));
    }
  }

  @Test
  void runningWordCountEmitsEveryWordSeenEveryBatch() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(RunningWordCountPipeline.builder().parallelism(1))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Long>> totals = driver.output("print");
      lines.addBatches(TRACE.subList(0, 3));
      driver.advanceBatches(4);

      assertEquals(
          List.of(
              List.of(kv("hello", 1), kv("world", 1)),
              List.of(kv("hello", 2), kv("world", 1), kv("spark", 1)),
              List.of(kv("hello", 2), kv("world", 2), kv("spark", 2)),
              List.of(kv("hello", 2), kv("world", 2), kv("spark", 2))),
          totals.batches());
    }
  }
}
