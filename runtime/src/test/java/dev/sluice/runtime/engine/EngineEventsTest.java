package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.OutputTime;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.BatchSubmitted.InputBatch;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener events the monitoring is built from, in their order, with their figures. */
@Timeout(30)
class EngineEventsTest {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Object> payloads = new CopyOnWriteArrayList<>();
  private final StreamingListener recorder =
      new StreamingListener() {
        @Override
        public void onPipelineStarted(PipelineInfo pipeline) {
          events.add("started");
          payloads.add(pipeline);
        }

        @Override
        public void onBatchSubmitted(BatchSubmitted batch) {
          events.add("submitted " + batch.batchTime() + " at " + batch.submissionTime());
          payloads.add(batch);
        }

        @Override
        public void onBatchStarted(String pipeline, long batchTime, long startTime) {
          events.add("started " + batchTime + " at " + startTime);
        }

        @Override
        public void onBatchCompleted(BatchInfo batch) {
          events.add("completed " + batch.batchTime());
          payloads.add(batch);
        }

        @Override
        public void onPipelineStopped(String pipeline, Throwable failure) {
          events.add("stopped");
        }
      };

  @Test
  void tellsTheShapeThenEachBatchSubmittedStartedAndCompleted() throws InterruptedException {
    ManualClock clock = BatchClock.manual(250);
    ScriptedBatchSource lines = new ScriptedBatchSource().put(1000, List.of("a b", "c"));
    ScriptedReceiver live = new ScriptedReceiver();
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(
            new WordCountProgram(
                "Events",
                2,
                List.of(new InputSlot("lines", lines), new InputSlot("live", live)),
                sink,
                null),
            2,
            clock,
            recorder);
    engine.start();
    live.send("d", "e", "f");
    live.awaitStored(3);
    clock.setMillis(1010);
    awaitBatch(engine, 1000);
    stopAndCheck(engine);

    assertEquals(
        List.of("started", "submitted 1000 at 1010", "started 1000 at 1010", "completed 1000"),
        events.subList(0, 4));
    assertEquals("stopped", events.get(events.size() - 1));

    PipelineInfo info = (PipelineInfo) payloads.get(0);
    assertEquals("Events", info.name());
    assertEquals(250, info.startTime());
    assertEquals(1000, info.firstBatchTime());
    assertEquals(Duration.ofSeconds(1), info.batchInterval());
    assertEquals(2, info.parallelism());
    assertEquals(
        List.of(
            new PipelineInfo.Input("lines", "scripted batches", false, 0),
            new PipelineInfo.Input("live", "scripted", true, 32 * 1024)),
        info.inputs());
    assertEquals(
        List.of("lines -> words -> pairs", "counts"),
        info.segments().stream().map(PipelineInfo.Segment::name).toList());
    assertEquals("", info.segments().get(0).code(), "a hand-written program has no saved code");
    assertEquals(List.of(new PipelineInfo.Output("counts", 1)), info.outputs());

    BatchSubmitted submitted = (BatchSubmitted) payloads.get(1);
    assertEquals(new InputBatch("lines", 2, Duration.ZERO, 0, false), submitted.inputs().get(0));
    InputBatch fromLive = submitted.inputs().get(1);
    assertEquals(3, fromLive.records());
    // the driver may have drained the three records in one go or in several
    assertTrue(fromLive.queuePeak() >= 1 && fromLive.queuePeak() <= 3, fromLive.toString());
    assertFalse(fromLive.ended());
    assertEquals(5, submitted.records());

    BatchInfo completed = (BatchInfo) payloads.get(2);
    OutputTime output = completed.outputs().get(0);
    assertEquals("counts", output.output());
    assertEquals(6, output.records(), "a, b, c, d, e, f counted once each");
    assertTrue(output.written());
  }
}
