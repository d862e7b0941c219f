package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.assertNoThreadsOf;
import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineStopTest {

  @Test
  void gracefulStopSealsWhatWasReceivedAsAFinalBatchWithoutWaitingForTheClock()
      throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine = engine(new WordCountProgram("Graceful", 2, lines, sink, null), 2, clock);
    engine.start();
    lines.send("a b", "c a");
    lines.awaitStored(2);
    engine.requestStop(true);
    assertTrue(engine.awaitTermination(WAIT));
    assertEquals(List.of(1000L), sink.times());
    assertEquals(Map.of("a", 2L, "b", 1L, "c", 1L), sink.counts(1000));
    assertEquals(0, clock.millis());
    assertEquals(1, lines.stops.get());
    assertEquals(1, lines.closes.get());
    assertEquals(1, sink.closes.get());
    assertNoThreadsOf("Graceful");
  }

  @Test
  void gracefulStopProcessesEverySealedBatchThenTheFinalOne() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource ticks = new ScriptedBatchSource();
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink().blockAt(1000);
    // lines first: sealing drains it before asking ticks, which tells the test it sealed
    Engine engine =
        engine(
            new WordCountProgram(
                "GracefulBacklog",
                2,
                List.of(new InputSlot("lines", lines), new InputSlot("ticks", ticks)),
                sink,
                null),
            2,
            clock);
    engine.start();
    lines.send("a");
    lines.awaitStored(1);
    clock.advance(INTERVAL);
    assertTrue(sink.blocked.await(10, TimeUnit.SECONDS)); // batch 1000 is writing
    lines.send("b");
    lines.awaitStored(1);
    clock.advance(INTERVAL);
    ticks.awaitCalls(2); // batch 2000 is sealed and waits
    lines.send("c");
    lines.awaitStored(1);
    engine.requestStop(true);
    sink.release.countDown();
    assertTrue(engine.awaitTermination(WAIT));
    assertEquals(List.of(1000L, 2000L, 3000L), sink.times());
    assertEquals(Map.of("a", 1L), sink.counts(1000));
    assertEquals(Map.of("b", 1L), sink.counts(2000));
    assertEquals(Map.of("c", 1L), sink.counts(3000));
    assertEquals(List.of(1000L, 2000L, 3000L), ticks.calls);
    assertNoThreadsOf("GracefulBacklog");
  }

  @Test
  void immediateStopLetsTheRunningOutputFinishAndDropsAndReportsTheRest()
      throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines =
        new ScriptedBatchSource()
            .put(1000, List.of("a"))
            .put(2000, List.of("b b"))
            .put(3000, List.of("c"));
    ScriptedReceiver live = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink().blockAt(1000);
    Engine engine =
        engine(
            new WordCountProgram(
                "Immediate",
                2,
                List.of(new InputSlot("lines", lines), new InputSlot("live", live)),
                sink,
                null),
            2,
            clock);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(Duration.ofSeconds(3));
      lines.awaitCalls(3); // 1000 runs, 2000 and 3000 wait
      assertTrue(sink.blocked.await(10, TimeUnit.SECONDS));
      live.send("d");
      live.awaitStored(1); // received, in no batch yet
      engine.requestStop(false);
      sink.release.countDown();
      assertTrue(engine.awaitTermination(WAIT));
      assertEquals(List.of(1000L), sink.times());
      assertEquals(
          List.of(
              "Immediate stopped at once: dropped 2 unprocessed batches with 2 "
                  + "records and 1 received record not yet in a batch"),
          log.messages("WARN"));
    }
    assertEquals(List.of(1000L, 2000L, 3000L), lines.calls);
    assertEquals(1, lines.closes.get());
    assertEquals(1, live.closes.get());
    assertEquals(1, sink.closes.get());
    assertNoThreadsOf("Immediate");
  }

  @Test
  void immediateStopLetsInFlightTasksFinishButDropsTheirBatch() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    CountDownLatch taskStarted = new CountDownLatch(1);
    CountDownLatch taskRelease = new CountDownLatch(1);
    RecordingSink<String> sink = new RecordingSink<>();
    ScriptedBatchSource lines = new ScriptedBatchSource().put(1000, List.of("x", "y", "z"));
    ScriptedReceiver idle = new ScriptedReceiver(); // its stop() shows the driver saw the stop
    PipelineProgram program =
        new PipelineProgram(
            "InFlight",
            List.of(new InputSlot("lines", lines), new InputSlot("idle", idle)),
            List.of(new SegmentSlot("slow", 1)),
            List.of(new OutputSlot("out", sink, 1))) {
          @Override
          public void runTask(int segment, int partition, TaskContext context) {
            taskStarted.countDown();
            try {
              taskRelease.await();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            context.<String>output(0, 0).addAll(context.<String>input(0, 0));
          }
        };
    Engine engine = engine(program, 1, clock);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(INTERVAL);
      assertTrue(taskStarted.await(10, TimeUnit.SECONDS));
      engine.requestStop(false);
      idle.awaitStopCalled(); // the driver handled the stop while the task still runs
      taskRelease.countDown();
      assertTrue(engine.awaitTermination(WAIT));
      assertEquals(List.of(), sink.batches);
      assertEquals(
          List.of(
              "InFlight stopped at once: dropped 1 unprocessed batch with 3 records "
                  + "and 0 received records not yet in a batch"),
          log.messages("WARN"));
    }
    assertNoThreadsOf("InFlight");
  }

  @Test
  void aListenerCanStopThePipelineButNotWaitForIt() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    AtomicReference<Engine> engine = new AtomicReference<>();
    AtomicReference<Throwable> waitFailure = new AtomicReference<>();
    StreamingListener stopper =
        new StreamingListener() {
          @Override
          public void onBatchCompleted(BatchInfo batch) {
            engine.get().requestStop(true);
            try {
              engine.get().awaitTermination(WAIT);
            } catch (Throwable e) {
              waitFailure.set(e);
            }
          }
        };
    engine.set(
        engine(new WordCountProgram("ListenerStop", 1, lines, sink, null), 1, clock, stopper));
    engine.get().start();
    lines.send("one");
    lines.awaitStored(1);
    clock.advance(INTERVAL);
    assertTrue(engine.get().awaitTermination(WAIT));
    // Nothing arrived after batch 1000, so the graceful stop adds no final batch.
    assertEquals(List.of(1000L), sink.times());
    assertInstanceOf(IllegalStateException.class, waitFailure.get());
    assertEquals(
        "awaitTermination called from sluice-ListenerStop-driver, a thread of "
            + "ListenerStop, which would wait for itself; use requestStop",
        waitFailure.get().getMessage());
    assertNoThreadsOf("ListenerStop");
  }

  @Test
  void stopIsIdempotent() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    List<Throwable> stopped = new CopyOnWriteArrayList<>();
    StreamingListener listener =
        new StreamingListener() {
          @Override
          public void onPipelineStopped(String pipeline, Throwable failure) {
            stopped.add(failure == null ? new NullPointerException("none") : failure);
          }
        };
    Engine engine =
        engine(new WordCountProgram("Idempotent", 1, lines, sink, null), 1, clock, listener);
    engine.start();
    engine.requestStop(true);
    engine.requestStop(true);
    engine.requestStop(false);
    assertTrue(engine.awaitTermination(WAIT));
    engine.requestStop(false);
    assertTrue(engine.awaitTermination(WAIT));
    assertEquals(1, stopped.size());
    assertEquals("none", stopped.get(0).getMessage());
    assertEquals(1, lines.stops.get());
    assertEquals(1, lines.closes.get());
    assertEquals(1, sink.closes.get());
    assertNoThreadsOf("Idempotent");
  }

  @Test
  void stopBeforeStartClosesEverythingAndStartThenFails() throws InterruptedException {
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(new WordCountProgram("NeverStarted", 1, lines, sink, null), 1, BatchClock.manual(0));
    engine.requestStop(true);
    assertTrue(engine.awaitTermination(WAIT));
    assertEquals(1, lines.closes.get());
    assertEquals(1, sink.closes.get());
    IllegalStateException refused = assertThrows(IllegalStateException.class, engine::start);
    assertEquals("pipeline NeverStarted was stopped", refused.getMessage());
  }

  @Test
  void startingTwiceFails() throws InterruptedException {
    Engine engine =
        engine(
            new WordCountProgram(
                "StartTwice", 1, new ScriptedReceiver(), new CollectingSink(), null),
            1,
            BatchClock.manual(0));
    engine.start();
    IllegalStateException refused = assertThrows(IllegalStateException.class, engine::start);
    assertEquals("pipeline StartTwice already started", refused.getMessage());
    TestEngines.stopAndCheck(engine);
  }

  @Test
  void aBatchCompletedBeforeTheStopIsStillAwaitable() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    Engine engine =
        engine(
            new WordCountProgram(
                "AwaitAfterStop", 1, new ScriptedBatchSource(), new CollectingSink(), null),
            1,
            clock);
    engine.start();
    clock.advance(INTERVAL);
    awaitBatch(engine, 1000);
    TestEngines.stopAndCheck(engine);
    assertTrue(engine.awaitBatch(1000, WAIT));
  }

  @Test
  @Timeout(5)
  void awaitingABatchThatWillNeverComeReturnsFalseAtOnceAfterTheStop() throws InterruptedException {
    Engine engine =
        engine(
            new WordCountProgram(
                "NeverComes", 1, new ScriptedBatchSource(), new CollectingSink(), null),
            1,
            BatchClock.manual(0));
    engine.start();
    TestEngines.stopAndCheck(engine);
    assertEquals(false, engine.awaitBatch(5000, Duration.ofMinutes(1)));
  }
}
