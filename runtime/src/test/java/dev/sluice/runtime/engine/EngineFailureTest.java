package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.assertNoThreadsOf;
import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.metrics.StreamingListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of failure stops the pipeline with one logged error and an exact message, closes
 * sources and sinks, and leaves no thread.
 */
@Timeout(30)
class EngineFailureTest {

  private final List<Throwable> stoppedWith = new CopyOnWriteArrayList<>();
  private final StreamingListener listener =
      new StreamingListener() {
        @Override
        public void onPipelineStopped(String pipeline, Throwable failure) {
          stoppedWith.add(failure);
        }
      };

  @Test
  void aThrowingStageNamesStageBatchAndRecord() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(new WordCountProgram("FailStage", 2, lines, sink, "boom"), 2, clock, listener);
    String message =
        "Pipeline FailStage failed in stage 'pairs' of batch 1000 on record "
            + "\"boom\": java.lang.IllegalStateException: boom";
    try (LogCapture log = new LogCapture()) {
      engine.start();
      lines.send("hello boom");
      lines.awaitStored(1);
      clock.advance(INTERVAL);
      PipelineFailedException failed =
          assertThrows(PipelineFailedException.class, () -> engine.awaitBatch(1000, WAIT));
      assertEquals(message, failed.getMessage());
      assertInstanceOf(IllegalStateException.class, failed.getCause());
      assertEquals("boom", failed.getCause().getMessage());
      assertFailedAndCleanedUp(engine, message, log);
    }
    assertEquals(List.of(), sink.batches);
    assertEquals(1, lines.closes.get());
    assertEquals(1, sink.closes.get());
  }

  @Test
  void failuresInEveryPartitionStillLogOneError() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines =
        new ScriptedBatchSource().put(1000, List.of("boom", "boom", "boom", "boom"));
    Engine engine =
        engine(
            new WordCountProgram("FailEverywhere", 4, lines, new CollectingSink(), "boom"),
            4,
            clock,
            listener);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(INTERVAL);
      assertFailedAndCleanedUp(
          engine,
          "Pipeline FailEverywhere failed in stage 'pairs' of batch "
              + "1000 on record \"boom\": java.lang.IllegalStateException: boom",
          log);
    }
  }

  @Test
  void anExceptionOutsideAStageNamesTheSegment() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    CollectingSink sink = new CollectingSink();
    PipelineProgram program =
        new PipelineProgram(
            "FailSegment",
            List.of(new InputSlot("lines", new ScriptedBatchSource())),
            List.of(new SegmentSlot("divide", 1)),
            List.of(new OutputSlot("counts", sink, 1))) {
          @Override
          public void runTask(int segment, int partition, TaskContext context) {
            throw new ArithmeticException("/ by zero");
          }
        };
    Engine engine = engine(program, 1, clock, listener);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(INTERVAL);
      assertFailedAndCleanedUp(
          engine,
          "Pipeline FailSegment failed in segment 'divide' of batch "
              + "1000: java.lang.ArithmeticException: / by zero",
          log);
    }
    assertEquals(1, sink.closes.get());
  }

  @Test
  void aThrowingSinkNamesTheOutputAndBatch() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines = new ScriptedBatchSource().put(2000, List.of("x"));
    CollectingSink sink = new CollectingSink().failAt(2000);
    Engine engine =
        engine(new WordCountProgram("FailSink", 2, lines, sink, null), 2, clock, listener);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(INTERVAL);
      awaitBatch(engine, 1000);
      clock.advance(INTERVAL);
      assertFailedAndCleanedUp(
          engine,
          "Pipeline FailSink failed in output 'counts' of batch "
              + "2000: java.io.IOException: disk full",
          log);
    }
    assertEquals(List.of(1000L), sink.times());
    assertEquals(1, sink.closes.get());
    assertEquals(1, lines.closes.get());
  }

  @Test
  void aThrowingBatchSourceNamesTheInputAndBatch() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines = new ScriptedBatchSource().failAt(2000);
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(new WordCountProgram("FailBatchSource", 1, lines, sink, null), 1, clock, listener);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      clock.advance(INTERVAL);
      awaitBatch(engine, 1000);
      clock.advance(Duration.ofSeconds(2));
      assertFailedAndCleanedUp(
          engine,
          "Pipeline FailBatchSource failed in input 'lines' of batch "
              + "2000: java.lang.IllegalStateException: no data",
          log);
    }
    assertEquals(List.of(1000L), sink.times());
    assertEquals(List.of(1000L, 2000L), lines.calls);
    assertEquals(1, lines.closes.get());
  }

  @Test
  void aThrowingReceiverNamesTheInputAndTheOpenBatch() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedReceiver lines = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(new WordCountProgram("FailReceiver", 1, lines, sink, null), 1, clock, listener);
    try (LogCapture log = new LogCapture()) {
      engine.start();
      lines.send("lost");
      lines.awaitStored(1);
      lines.fail(new IOException("connection reset"));
      assertFailedAndCleanedUp(
          engine,
          "Pipeline FailReceiver failed in input 'lines' of batch "
              + "1000: java.io.IOException: connection reset",
          log);
      assertEquals(
          List.of(
              "FailReceiver failed: dropped 0 unprocessed batches with 0 records and "
                  + "1 received record not yet in a batch"),
          log.messages("WARN"));
    }
    assertEquals(List.of(), sink.batches);
    assertEquals(1, lines.closes.get());
  }

  /**
   * Checks that the pipeline failed with {@code message}: from {@code awaitTermination}, once in
   * the log, and to the listener; and that its threads are gone.
   */
  private void assertFailedAndCleanedUp(Engine engine, String message, LogCapture log)
      throws InterruptedException {
    PipelineFailedException failed =
        assertThrows(PipelineFailedException.class, () -> engine.awaitTermination(WAIT));
    assertEquals(message, failed.getMessage());
    assertEquals(
        message,
        assertThrows(PipelineFailedException.class, () -> engine.awaitBatch(Long.MAX_VALUE, WAIT))
            .getMessage());
    assertEquals(List.of(message), log.messages("ERROR"));
    assertEquals(1, stoppedWith.size());
    assertEquals(message, stoppedWith.get(0).getMessage());
    assertNoThreadsOf(engine.name());
  }
}
