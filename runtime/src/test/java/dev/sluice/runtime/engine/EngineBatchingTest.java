package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineBatchingTest {

  @Test
  void recordsStoredBeforeAnAdvanceLandInTheBatchItCloses() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine = engine(new WordCountProgram("Batching", 2, lines, sink, null), 2, clock);
    engine.start();

    lines.send("a b a", "c");
    lines.awaitStored(2);
    clock.advance(INTERVAL);
    awaitBatch(engine, 1000);
    assertEquals(Map.of("a", 2L, "b", 1L, "c", 1L), sink.counts(1000));

    lines.send("b");
    lines.awaitStored(1);
    clock.advance(INTERVAL);
    awaitBatch(engine, 2000);
    assertEquals(Map.of("b", 1L), sink.counts(2000));
    assertEquals(List.of(1000L, 2000L), sink.times());
    stopAndCheck(engine);
  }

  @Test
  void everyIntervalIsABatchAlsoAnEmptyOne() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine = engine(new WordCountProgram("EmptyBatches", 3, lines, sink, null), 3, clock);
    engine.start();
    lines.send("x");
    lines.awaitStored(1);
    clock.advance(Duration.ofSeconds(3)); // one jump over three batch times
    awaitBatch(engine, 3000);
    assertEquals(List.of(1000L, 2000L, 3000L), sink.times());
    assertEquals(Map.of("x", 1L), sink.counts(1000));
    for (Batch<KV<String, Long>> empty : sink.batches.subList(1, 3)) {
      assertTrue(empty.isEmpty());
      assertEquals(3, empty.partitionCount());
    }
    stopAndCheck(engine);
  }

  @Test
  void batchTimesAreMultiplesOfTheIntervalAfterTheStart() throws InterruptedException {
    ManualClock clock = BatchClock.manual(1234);
    AtomicLong first = new AtomicLong();
    StreamingListener listener =
        new StreamingListener() {
          @Override
          public void onPipelineStarted(String pipeline, long firstBatchTime) {
            first.set(firstBatchTime);
          }
        };
    CollectingSink sink = new CollectingSink();
    Engine engine =
        new Engine(
            new WordCountProgram("BatchTimes", 1, new ScriptedBatchSource(), sink, null),
            Duration.ofMillis(500),
            1,
            clock,
            List.of(listener),
            EngineLimits.DEFAULTS,
            null);
    engine.start();
    clock.setMillis(1499);
    clock.setMillis(2600);
    awaitBatch(engine, 2500);
    assertEquals(1500, first.get()); // (floor(1234 / 500) + 1) * 500
    assertEquals(List.of(1500L, 2000L, 2500L), sink.times());
    stopAndCheck(engine);
  }

  @Test
  void aBatchSourceIsAskedOncePerBatchWithTheBatchTime() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines =
        new ScriptedBatchSource()
            .put(1000, List.of("to be or", "not to be"))
            .put(3000, List.of("be"));
    CollectingSink sink = new CollectingSink();
    Engine engine = engine(new WordCountProgram("BatchSourced", 2, lines, sink, null), 2, clock);
    engine.start();
    clock.advance(Duration.ofSeconds(3));
    awaitBatch(engine, 3000);
    assertEquals(List.of(1000L, 2000L, 3000L), lines.calls);
    assertEquals(Map.of("to", 2L, "be", 2L, "or", 1L, "not", 1L), sink.counts(1000));
    assertEquals(Map.of(), sink.counts(2000));
    assertEquals(Map.of("be", 1L), sink.counts(3000));
    stopAndCheck(engine);
    assertEquals(List.of(1000L, 2000L, 3000L), lines.calls); // none on the immediate stop
  }

  @Test
  void aReceiverThatReturnsLeavesItsInputWithEmptyBatches() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine = engine(new WordCountProgram("EndedInput", 1, lines, sink, null), 1, clock);
    engine.start();
    lines.send("last words");
    lines.awaitStored(1);
    lines.end();
    clock.advance(Duration.ofSeconds(2));
    awaitBatch(engine, 2000);
    assertEquals(Map.of("last", 1L, "words", 1L), sink.counts(1000));
    assertTrue(sink.batches.get(1).isEmpty());
    clock.advance(INTERVAL);
    awaitBatch(engine, 3000); // still running
    stopAndCheck(engine);
  }

  @Test
  void recordsOfOnePartitionKeepTheirOrderIntoTheProgram() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    RecordingSink<String> sink = new RecordingSink<>();
    Engine engine = engine(new OrderProgram("Order", 3, lines, sink), 3, clock);
    engine.start();
    String[] records = new String[100];
    for (int i = 0; i < records.length; i++) {
      records[i] = "r" + i;
    }
    lines.send(records);
    lines.awaitStored(records.length);
    clock.advance(INTERVAL);
    awaitBatch(engine, 1000);
    Batch<String> batch = sink.batches.get(0);
    assertEquals(List.of(records), batch.toList());
    assertEquals(3, batch.partitionCount());
    assertEquals(33, batch.partition(0).size());
    assertEquals(List.of(records).subList(0, 33), batch.partition(0));
    stopAndCheck(engine);
  }
}
