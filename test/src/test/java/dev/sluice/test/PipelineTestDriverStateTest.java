package dev.sluice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.internal.Partitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PipelineTestDriverStateTest {

  @Test
  void readsTheStateOfEachStatefulStageAfterEachBatch() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(new CountingBuilder().parallelism(1))) {
      TestInput<String> words = driver.input("words");
      assertEquals(Map.of(), driver.state("running"), "no batch yet: no state");

      words.addAll(List.of("a", "b", "a"));
      driver.advanceBatch();
      Map<String, Long> afterFirst = driver.state("running");
      assertEquals(List.of("a", "b"), new ArrayList<>(afterFirst.keySet()), "the store's order");
      assertEquals(Map.of("a", 2L, "b", 1L), afterFirst);
      assertEquals(Map.of("a", 0L, "b", 0L), driver.state("latest"));

      words.addAll(List.of("c", "b"));
      driver.advanceBatch();
      assertEquals(Map.of("a", 2L, "b", 2L, "c", 1L), driver.state("running"));
      assertEquals(Map.of("a", 0L, "b", 1L, "c", 1L), driver.state("latest"));
      assertEquals(Map.of("a", 2L, "b", 1L), afterFirst, "a copy: later batches leave it");
    }
  }

  @Test
  void theStateOfSeveralPartitionsComesPartitionAfterPartition() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(new CountingBuilder().parallelism(2))) {
      List<String> words = List.of("w1", "w2", "w3", "w4", "w5", "w6");
      driver.<String>input("words").addAll(words);
      driver.advanceBatch();
      List<String> expected = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        for (String word : words) {
          if (Partitioner.partition(word, 2) == p) {
            expected.add(word);
          }
        }
      }
      assertEquals(expected, new ArrayList<>(driver.<String, Long>state("running").keySet()));
    }
  }

  @Test
  void anUnknownStageIsNamedWithTheStatefulStages() {
    try (PipelineTestDriver driver = PipelineTestDriver.start(new CountingBuilder())) {
      IllegalArgumentException failure =
          assertThrows(IllegalArgumentException.class, () -> driver.state("totals"));
      assertEquals(
          "pipeline Counting has no stateful stage 'totals'; its stateful stages are [running,"
              + " latest]",
          failure.getMessage());
    }
  }

  @Test
  void aWindowIsReadThroughItsOutput() {
    try (PipelineTestDriver driver = PipelineTestDriver.start(new CountingBuilder())) {
      IllegalArgumentException failure =
          assertThrows(IllegalArgumentException.class, () -> driver.state("recent"));
      assertEquals(
          "stage 'recent' of pipeline Counting is a window (window String, window 3s sliding every"
              + " batch); read it through its output. The driver reads the state of [running,"
              + " latest]",
          failure.getMessage());
    }
  }

  @Test
  void aProgramThatListsNoStoresIsReportedAsSuch() {
    try (PipelineTestDriver driver = PipelineTestDriver.start(new CountingBuilder(false))) {
      IllegalStateException failure =
          assertThrows(IllegalStateException.class, () -> driver.state("running"));
      assertEquals(
          "pipeline Counting does not list its state stores; compile it with this version of the"
              + " Sluice processor",
          failure.getMessage());
    }
  }

  @Test
  void noStateIsReadAfterAFailedBatchOrOnceClosed() {
    PipelineTestDriver driver = PipelineTestDriver.start(new CountingBuilder().parallelism(1));
    driver.<String>input("words").add("boom");
    assertThrows(PipelineFailedException.class, driver::advanceBatch);
    IllegalStateException failed =
        assertThrows(IllegalStateException.class, () -> driver.state("running"));
    assertEquals(driver.failure().orElseThrow(), failed.getCause());
    driver.close();
    IllegalStateException closed =
        assertThrows(IllegalStateException.class, () -> driver.state("running"));
    assertEquals("the driver of Counting is closed", closed.getMessage());
  }
}
