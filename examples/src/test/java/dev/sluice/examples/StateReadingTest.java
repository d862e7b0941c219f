package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.test.PipelineTestDriver;
import dev.sluice.test.TestInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples' state read from the test kit, as docs/testing.md shows it. */
@Timeout(60)
class StateReadingTest {

  @Test
  void runningWordCountKeepsATotalPerWord() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(RunningWordCountPipeline.builder().parallelism(1))) {
      TestInput<String> lines = driver.input("lines");
      lines.addBatches(List.of(List.of("hello world"), List.of("hello spark")));
      driver.advanceBatch();
      assertEquals(Map.of("hello", 1L, "world", 1L), driver.state("totals"));
      driver.advanceBatch();
      Map<String, Long> totals = driver.state("totals");
      assertEquals(List.of("hello", "world", "spark"), List.copyOf(totals.keySet()));
      assertEquals(Map.of("hello", 2L, "world", 1L, "spark", 1L), totals);
    }
  }

  @Test
  void sessionTrackingKeepsASessionPerUser() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(SessionTrackingPipeline.builder().parallelism(1))) {
      TestInput<String> events = driver.input("events");
      events.addBatches(List.of(List.of("alice,1", "bob,1"), List.of("alice,2")));
      driver.advanceBatches(2);
      assertEquals(
          Map.of(
              "alice", new SessionTracking.Session(1, 2, 2),
              "bob", new SessionTracking.Session(1, 1, 1)),
          driver.state("sessions"));
    }
  }
}
