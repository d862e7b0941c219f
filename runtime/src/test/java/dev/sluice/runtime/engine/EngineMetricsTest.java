package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchInfo.SegmentTime;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineMetricsTest {

  private final List<BatchInfo> batches = new CopyOnWriteArrayList<>();
  private final StreamingListener recorder =
      new StreamingListener() {
        @Override
        public void onBatchCompleted(BatchInfo batch) {
          batches.add(batch);
        }
      };

  @Test
  void listenersGetEachBatchsRecordsDelaysAndSegmentTimes() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines = new ScriptedBatchSource().put(1000, List.of("a", "b c", "d"));
    ScriptedReceiver live = new ScriptedReceiver();
    Engine engine =
        engine(
            new WordCountProgram(
                "Metrics",
                2,
                List.of(new InputSlot("lines", lines), new InputSlot("live", live)),
                new CollectingSink(),
                null),
            2,
            clock,
            recorder);
    engine.start();
    live.send("e", "f");
    live.awaitStored(2);
    clock.setMillis(1500); // batch 1000 starts half a second late
    awaitBatch(engine, 1000);
    clock.setMillis(2000);
    awaitBatch(engine, 2000);
    stopAndCheck(engine);

    BatchInfo first = batches.get(0);
    assertEquals("Metrics", first.pipeline());
    assertEquals(1000, first.batchTime());
    assertEquals(5, first.records());
    assertEquals(
        List.of(
            new InputRecords("lines", 3, Duration.ZERO),
            new InputRecords("live", 2, Duration.ZERO)),
        first.inputs());
    assertEquals(Duration.ofMillis(500), first.schedulingDelay());
    assertFalse(first.processingTime().isNegative());
    assertEquals(first.schedulingDelay().plus(first.processingTime()), first.totalDelay());
    assertEquals(
        List.of("lines -> words -> pairs", "counts"),
        first.segments().stream().map(SegmentTime::segment).toList());
    for (SegmentTime segment : first.segments()) {
      assertFalse(segment.time().isNegative());
    }
    BatchInfo second = batches.get(1);
    assertEquals(2000, second.batchTime());
    assertEquals(0, second.records());
    assertEquals(Duration.ZERO, second.schedulingDelay());
    assertEquals(2, batches.size());
  }

  @Test
  void aThrowingListenerIsLoggedAndIgnored() throws InterruptedException {
    StreamingListener thrower =
        new StreamingListener() {
          @Override
          public void onPipelineStarted(String pipeline, long firstBatchTime) {
            throw new IllegalStateException("started");
          }

          @Override
          public void onBatchCompleted(BatchInfo batch) {
            throw new IllegalStateException("completed");
          }

          @Override
          public void onPipelineStopped(String pipeline, Throwable failure) {
            throw new IllegalStateException("stopped");
          }

          @Override
          public String toString() {
            return "thrower";
          }
        };
    ManualClock clock = BatchClock.manual(0);
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(
            new WordCountProgram("BadListener", 1, new ScriptedBatchSource(), sink, null),
            1,
            clock,
            thrower,
            recorder);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(Duration.ofSeconds(2));
      awaitBatch(engine, 2000);
      stopAndCheck(engine); // no failure
      assertEquals(
          List.of(
              "Listener thrower of BadListener threw from onPipelineStarted; ignored",
              "Listener thrower of BadListener threw from onBatchCompleted; ignored",
              "Listener thrower of BadListener threw from onBatchCompleted; ignored",
              "Listener thrower of BadListener threw from onPipelineStopped; ignored"),
          log.messages("WARN"));
    }
    assertEquals(List.of(1000L, 2000L), sink.times());
    assertEquals(List.of(1000L, 2000L), batches.stream().map(BatchInfo::batchTime).toList());
  }

  @Test
  void awaitBatchWaitsForTheManualClock() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    Engine engine =
        engine(
            new WordCountProgram(
                "AwaitBatch", 1, new ScriptedBatchSource(), new CollectingSink(), null),
            1,
            clock);
    engine.start();
    assertFalse(engine.awaitBatch(1000, Duration.ofMillis(50)));
    AtomicReference<Boolean> awaited = new AtomicReference<>();
    CountDownLatch waiting = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              try {
                waiting.countDown();
                awaited.set(engine.awaitBatch(2000, WAIT));
              } catch (InterruptedException e) {
                awaited.set(false);
              }
            });
    waiter.start();
    assertTrue(waiting.await(10, TimeUnit.SECONDS));
    clock.advance(Duration.ofSeconds(2)); // wakes the driver, which wakes the waiter
    waiter.join();
    assertTrue(awaited.get());
    assertTrue(engine.awaitBatch(1000, Duration.ZERO)); // earlier batches are complete too
    assertTrue(engine.awaitBatch(2000, Duration.ofDays(365_000_000))); // no overflow
    assertFalse(engine.awaitBatch(3000, Duration.ofDays(-365_000_000)));
    stopAndCheck(engine);
  }

  @Test
  void logsOneInfoLinePerBatchWithRecordsAndTheStartLine() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines = new ScriptedBatchSource().put(1000, List.of("x", "y"));
    Engine engine =
        engine(new WordCountProgram("LogLine", 2, lines, new CollectingSink(), null), 2, clock);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(Duration.ofSeconds(2));
      awaitBatch(engine, 2000);
      stopAndCheck(engine);
      assertEquals(
          List.of(
              "Starting LogLine: batch interval 1000 ms, parallelism 2, first batch "
                  + "1000; inputs [lines from scripted batches]; outputs [counts]"),
          log.lines("Starting LogLine").stream()
              .map(l -> l.substring(l.indexOf(" - ") + 3))
              .toList());
      List<String> batchLines = log.lines("INFO dev.sluice.runtime.batches");
      assertEquals(1, batchLines.size()); // the empty batch 2000 logs at DEBUG
      String line = batchLines.get(0);
      assertTrue(
          line.matches(
              ".* - Batch 1000 of LogLine: 2 records, scheduling delay 1000 ms, "
                  + "processing \\d+\\.\\d ms, total delay \\d+ ms"),
          line);
    }
  }

  /**
   * With the sink held and the one allowed waiting batch sealed, the driver stops draining: the
   * receiver's queue of 8 fills and {@code store} waits, which the metrics then show.
   */
  @Test
  void backpressureStopsTheReceiverAndShowsInMetrics() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource ticks = new ScriptedBatchSource();
    Flood flood = new Flood(1000);
    CollectingSink sink = new CollectingSink().blockAt(1000);
    Engine engine =
        engine(
            new WordCountProgram(
                "Backpressure",
                2,
                // flood first: sealing drains it before asking ticks, which tells the test it
                // sealed
                List.of(new InputSlot("flood", flood), new InputSlot("ticks", ticks)),
                sink,
                null),
            2,
            clock,
            new EngineLimits(8, 1, Duration.ofSeconds(10)),
            recorder);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(INTERVAL);
      assertTrue(sink.blocked.await(10, TimeUnit.SECONDS)); // batch 1000 holds the pipeline
      clock.advance(INTERVAL);
      ticks.awaitCalls(2); // batch 2000 sealed: the one waiting batch allowed
      assertTrue(flood.started.await(10, TimeUnit.SECONDS));
      flood.go.countDown();
      WorkerTest.awaitParked(flood.thread.get()); // its queue is full and nobody drains
      assertEquals(8, flood.stored.get());
      sink.release.countDown();
      assertTrue(flood.done.await(10, TimeUnit.SECONDS));
      clock.advance(INTERVAL);
      awaitBatch(engine, 3000);
      stopAndCheck(engine);
      assertTrue(log.lines("Batch 3000 of Backpressure").get(0).contains(", receivers blocked "));
    }
    assertEquals(1000L, sink.totals().get("w"));
    InputRecords flooded = batches.get(2).inputs().get(0);
    assertEquals("flood", flooded.input());
    assertEquals(1000, flooded.records());
    assertTrue(flooded.receiverBlocked().toNanos() > 0, "blocked time reported");
  }

  /** Stores {@code count} records "w" once told to go, counting them. */
  private static final class Flood implements ReceiverSource<String> {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch go = new CountDownLatch(1);
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicInteger stored = new AtomicInteger();
    final AtomicReference<Thread> thread = new AtomicReference<>();
    private final int count;

    Flood(int count) {
      this.count = count;
    }

    @Override
    public void receive(Receiver<String> out) throws InterruptedException {
      thread.set(Thread.currentThread());
      started.countDown();
      go.await();
      for (int i = 0; i < count; i++) {
        out.store("w");
        stored.incrementAndGet();
      }
      done.countDown();
    }
  }
}
