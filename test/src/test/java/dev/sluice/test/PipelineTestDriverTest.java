package dev.sluice.test;

import static dev.sluice.test.BatchAssertions.assertBatch;
import static dev.sluice.test.BatchAssertions.assertBatchInAnyOrder;
import static dev.sluice.test.BatchAssertions.assertNotWritten;
import static dev.sluice.test.BatchAssertions.assertWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.KV;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(60)
class PipelineTestDriverTest {

  private static KV<String, Long> kv(String key, long value) {
    return KV.of(key, value);
  }

  @Test
  void feedsEachBatchAndReadsEachOutput() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(WordStatsPipeline.builder().parallelism(1))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Long>> perBatch = driver.output("perBatch");
      TestOutput<KV<String, Long>> running = driver.output("running");

      lines.add("a b").add("a");
      assertEquals(0, driver.advanceBatch());
      assertEquals(List.of(kv("a", 2), kv("b", 1)), perBatch.batch(0));

      lines.addAll(List.of("b", "c"));
      driver.advanceBatch();
      driver.advanceBatch(); // nothing added: an empty batch
      assertEquals(List.of(kv("b", 1), kv("c", 1)), perBatch.batch(1));
      assertEquals(List.of(), perBatch.batch(2));
      assertTrue(perBatch.writtenAt(2), "an empty batch is still written");
      assertEquals(
          List.of(
              List.of(kv("a", 2), kv("b", 1)),
              List.of(kv("a", 2), kv("b", 2), kv("c", 1)),
              List.of(kv("a", 2), kv("b", 2), kv("c", 1))),
          running.batches());
      assertEquals(3, driver.completedBatches());
      assertEquals(List.of(kv("a", 2), kv("b", 1), kv("b", 1), kv("c", 1)), perBatch.records());
    }
  }

  @Test
  void batchTimesAreSparksForTheStart() {
    List<Long> times = new ArrayList<>();
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(
            WordStatsPipeline.builder()
                .parallelism(1)
                .perBatch(Sinks.foreachBatch((time, records) -> times.add(time))),
            2_500)) {
      driver.advanceBatches(2);
      assertEquals(3000, driver.batchTime(0));
      assertEquals(List.of(3000L, 4000L), times);
    }
  }

  @Test
  void addBatchesQueuesOneCollectionPerUpcomingBatch() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(WordStatsPipeline.builder().parallelism(2))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Long>> perBatch = driver.output("perBatch");
      lines.add("x");
      lines.addBatches(List.of(List.of("a a"), List.of(), List.of("b")));
      assertEquals(3, lines.pending());
      driver.advanceBatches(3);
      assertEquals(0, lines.pending());
      assertBatchInAnyOrder(List.of(kv("x", 1), kv("a", 2)), perBatch, 0);
      assertBatch(List.of(), perBatch, 1);
      assertBatch(List.of(kv("b", 1)), perBatch, 2);
    }
  }

  @Test
  void aWindowIsEmittedAtItsSlideBatchesOnly() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(WordStatsPipeline.builder().parallelism(2))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Long>> windowed = driver.output("windowed");
      lines.addBatches(List.of(List.of("a"), List.of("a b"), List.of("b"), List.of("c")));
      driver.advanceBatches(6);

      assertNotWritten(windowed, 0);
      assertWindow(List.of(kv("a", 2), kv("b", 1)), windowed, 1); // batches 0..1
      assertNotWritten(windowed, 2);
      assertWindow(List.of(kv("a", 1), kv("b", 2), kv("c", 1)), windowed, 3); // batches 1..3
      assertWindow(List.of(kv("c", 1)), windowed, 5); // batches 3..5: the window drains
      assertEquals(3, windowed.writtenBatches().size());
      assertEquals(6, windowed.batches().size());
      assertFalse(windowed.writtenAt(4));
    }
  }

  @Test
  void assertionsNameTheOutputAndBatch() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(WordStatsPipeline.builder().parallelism(1))) {
      driver.input("lines").add("a");
      driver.advanceBatch();
      TestOutput<KV<String, Long>> windowed = driver.output("windowed");
      AssertionFailedError notEmitted =
          assertThrows(AssertionFailedError.class, () -> assertWindow(List.of(), windowed, 0));
      assertEquals(
          "no window of output 'windowed' is emitted at batch 0: it is written only at "
              + "its slide batches",
          notEmitted.getMessage());
      AssertionFailedError wrong =
          assertThrows(
              AssertionFailedError.class,
              () -> assertBatch(List.of(kv("b", 1)), driver.output("perBatch"), 0));
      assertTrue(
          wrong.getMessage().startsWith("output 'perBatch' at batch 0 ==> expected:"),
          wrong.getMessage());
      IllegalArgumentException notRun =
          assertThrows(IllegalArgumentException.class, () -> windowed.batch(1));
      assertEquals(
          "output 'windowed': batch 1 has not run; batches 0 to 0 have", notRun.getMessage());
    }
  }

  @Test
  void aFailedBatchThrowsItsFailureAndStopsThePipeline() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(WordStatsPipeline.builder().parallelism(1))) {
      TestInput<String> lines = driver.input("lines");
      lines.add("a");
      driver.advanceBatch();
      lines.add("a boom");

      PipelineFailedException failure =
          assertThrows(PipelineFailedException.class, driver::advanceBatch);
      assertEquals(
          "Pipeline WordStats failed in stage 'pairs' of batch 2000 on record \"boom\": "
              + "java.lang.IllegalStateException: boom",
          failure.getMessage());
      assertEquals(failure, driver.failure().orElseThrow());
      assertEquals(1, driver.completedBatches());
      IllegalStateException after = assertThrows(IllegalStateException.class, driver::advanceBatch);
      assertEquals(failure, after.getCause());
    }
  }

  @Test
  void inputsAndOutputsBoundOnTheBuilderKeepTheirOwn() {
    List<String> printed = new ArrayList<>();
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(
            WordStatsPipeline.builder()
                .parallelism(1)
                .lines(Sources.batches(List.of(List.of("q"))))
                .running(
                    Sinks.foreachBatch((time, records) -> printed.add(time + " " + records))))) {
      driver.advanceBatch();
      assertEquals(List.of("1000 [(q,1)]"), printed);
      assertBatch(List.of(kv("q", 1)), driver.output("perBatch"), 0);
      IllegalArgumentException bound =
          assertThrows(IllegalArgumentException.class, () -> driver.input("lines"));
      assertEquals(
          "pipeline WordStats has no input 'lines' that the driver feeds or reads (inputs "
              + "bound on the builder keep their own); it has []",
          bound.getMessage());
      assertThrows(IllegalArgumentException.class, () -> driver.output("running"));
    }
  }

  @Test
  void aClosedDriverRunsNoMoreBatches() {
    PipelineTestDriver driver =
        PipelineTestDriver.start(WordStatsPipeline.builder().parallelism(1));
    driver.close();
    driver.close();
    IllegalStateException closed = assertThrows(IllegalStateException.class, driver::advanceBatch);
    assertEquals("the driver of WordStats is closed", closed.getMessage());
  }
}
