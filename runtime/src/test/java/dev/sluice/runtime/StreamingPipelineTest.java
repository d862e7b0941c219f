package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.KV;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.engine.CollectingSink;
import dev.sluice.runtime.engine.ScriptedReceiver;
import dev.sluice.runtime.engine.SluiceThreads;
import dev.sluice.runtime.engine.WordCountProgram;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public handle, built the way generated code builds it. */
@Timeout(30)
class StreamingPipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final ManualClock clock = BatchClock.manual(0);
  private final ScriptedReceiver lines = new ScriptedReceiver();
  private final CollectingSink sink = new CollectingSink();

  @Test
  void aBuiltPipelineRunsBatchesByItsClockAndStopsGracefully() throws InterruptedException {
    StreamingPipeline pipeline = builder("Built").parallelism(3).build();
    assertEquals("Built", pipeline.name());
    pipeline.start();
    lines.send("a b", "a");
    lines.awaitStored(2);
    clock.advance(SECOND);
    assertTrue(pipeline.awaitBatch(1000, WAIT));
    assertEquals(Map.of("a", 2L, "b", 1L), sink.counts(1000));
    assertEquals(3, sink.batches.get(0).partitionCount());
    lines.send("c");
    lines.awaitStored(1);
    pipeline.stop(true);
    assertEquals(List.of(1000L, 2000L), sink.times());
    assertEquals(Map.of("c", 1L), sink.counts(2000));
    assertEquals(List.of(), SluiceThreads.of("Built"));
  }

  @Test
  void startingTwiceFails() {
    try (StreamingPipeline pipeline = builder("Twice").build()) {
      pipeline.start();
      IllegalStateException twice = assertThrows(IllegalStateException.class, pipeline::start);
      assertEquals("pipeline Twice already started", twice.getMessage());
    }
    assertEquals(List.of(), SluiceThreads.of("Twice"));
  }

  @Test
  void closeStopsAtOnceAndWaitsForTheThreads() throws InterruptedException {
    StreamingPipeline pipeline = builder("Closed").build();
    pipeline.start();
    pipeline.close();
    assertEquals(List.of(), SluiceThreads.of("Closed"));
    assertTrue(pipeline.awaitTermination(Duration.ZERO));
    assertEquals(1, lines.closes.get());
    assertEquals(1, sink.closes.get());
    pipeline.close(); // again: nothing happens
    assertEquals(1, sink.closes.get());
  }

  @Test
  void closingAPipelineThatWasNeverStartedClosesItsSourcesAndSinks() {
    try (StreamingPipeline pipeline = builder("Unstarted").build()) {
      assertEquals("Unstarted", pipeline.name());
    }
    assertEquals(1, lines.closes.get());
    assertEquals(1, sink.closes.get());
  }

  @Test
  void closeAfterAFailureDoesNotThrowButAwaitTerminationDoes() throws InterruptedException {
    StreamingPipeline pipeline = builder("Failed").build();
    pipeline.start();
    lines.send("boom");
    lines.awaitStored(1);
    clock.advance(SECOND);
    String message =
        "Pipeline Failed failed in stage 'pairs' of batch 1000 on record \"boom\": "
            + "java.lang.IllegalStateException: boom";
    PipelineFailedException failed =
        assertThrows(PipelineFailedException.class, () -> pipeline.awaitBatch(1000, WAIT));
    assertEquals(message, failed.getMessage());
    pipeline.close();
    assertEquals(
        message,
        assertThrows(PipelineFailedException.class, pipeline::awaitTermination).getMessage());
    assertEquals(List.of(), SluiceThreads.of("Failed"));
  }

  @Test
  void aListenerMayRequestAStopButNotWaitForOne() throws InterruptedException {
    AtomicReference<StreamingPipeline> pipeline = new AtomicReference<>();
    AtomicReference<Throwable> stopFailure = new AtomicReference<>();
    StreamingListener listener =
        new StreamingListener() {
          @Override
          public void onBatchCompleted(BatchInfo batch) {
            try {
              pipeline.get().stop(false);
            } catch (Throwable e) {
              stopFailure.set(e);
            }
            pipeline.get().requestStop(false);
          }
        };
    pipeline.set(builder("FromListener").listener(listener).build());
    pipeline.get().start();
    clock.advance(SECOND);
    assertTrue(pipeline.get().awaitTermination(WAIT));
    assertInstanceOf(IllegalStateException.class, stopFailure.get());
    assertEquals(
        "stop called from sluice-FromListener-driver, a thread of FromListener, which "
            + "would wait for itself; use requestStop",
        stopFailure.get().getMessage());
    assertEquals(List.of(1000L), sink.times());
  }

  @Test
  void aSinkMayNotWaitForItsOwnPipeline() throws InterruptedException {
    AtomicReference<StreamingPipeline> pipeline = new AtomicReference<>();
    AtomicReference<Throwable> closeFailure = new AtomicReference<>();
    Sink<KV<String, Long>> stopping =
        batch -> {
          try {
            pipeline.get().close();
          } catch (Throwable e) {
            closeFailure.set(e);
          }
          pipeline.get().requestStop(true);
        };
    pipeline.set(builder("FromSink").parallelism(1).bindOutput("counts", stopping).build());
    pipeline.get().start();
    clock.advance(SECOND);
    assertTrue(pipeline.get().awaitTermination(WAIT));
    assertInstanceOf(IllegalStateException.class, closeFailure.get());
    assertEquals(
        "close called from sluice-FromSink-worker-0, a thread of FromSink, which would "
            + "wait for itself; use requestStop",
        closeFailure.get().getMessage());
  }

  private Builder builder(String name) {
    return new Builder(name)
        .clock(clock)
        .batchInterval(SECOND)
        .bindInput("lines", lines)
        .bindOutput("counts", sink);
  }

  /** What the processor would generate for a word count. */
  private static final class Builder extends PipelineBuilder<Builder> {
    Builder(String name) {
      super(
          name,
          Duration.ofSeconds(2),
          List.of(new Port("lines", "String", true)),
          List.of(new Port("counts", "KV<String, Long>", false)));
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> input = boundInput("lines");
      Sink<KV<String, Long>> output = boundOutput("counts");
      return new WordCountProgram(pipelineName(), parallelism, input, output, "boom");
    }
  }
}
