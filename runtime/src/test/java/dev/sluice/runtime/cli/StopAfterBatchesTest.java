package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.metrics.BatchInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopAfterBatchesTest {

  @Test
  void requestsAStopOnceWhenTheNthBatchCompletes() {
    AtomicInteger stops = new AtomicInteger();
    StopAfterBatches listener = new StopAfterBatches(2, stops::incrementAndGet);
    listener.onBatchCompleted(batch(2000));
    assertEquals(0, stops.get());
    listener.onBatchCompleted(batch(4000));
    assertEquals(1, stops.get());
    listener.onBatchCompleted(batch(6000)); // a graceful stop may still finish a batch
    assertEquals(1, stops.get());
  }

  private static BatchInfo batch(long time) {
    Duration zero = Duration.ZERO;
    return new BatchInfo("WordCount", time, 1, zero, zero, zero, List.of());
  }
}
