package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.BoundedSource;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.engine.CollectingSink;
import dev.sluice.runtime.source.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A bounded run through the engine: batches back to back, the windows' drain, then the end. */
@Timeout(60)
class BoundedRunTest {

  private static List<String> texts(CollectingSink sink) {
    return sink.batches.stream().map(b -> b.time() + " " + b.toList()).toList();
  }

  @Test
  void runsEveryBatchOfTheInputAndStopsByItself() throws Exception {
    CollectingSink counts = new CollectingSink();
    new WordCountBuilder()
        .lines(Sources.collection(List.of("a b", "a", "c", "b b"), 2))
        .counts(counts)
        .clock(BatchClock.manual(0)) // the clock's time sets the batch times; it never moves
        .parallelism(1)
        .runOnce();

    assertEquals(List.of("1000 [(a,2), (b,1)]", "2000 [(c,1), (b,2)]"), texts(counts));
    assertEquals(1, counts.closes.get(), "the sink was closed");
  }

  @Test
  void goesOnWhileTheWindowsDrain() throws Exception {
    CollectingSink counts = new CollectingSink();
    // windows of 3 and 2 batches: a record may stay 2 + 1 batches after its own
    new WordCountBuilder(3, 2)
        .lines(Sources.batches(List.of(List.of("a"), List.of(), List.of("b"))))
        .counts(counts)
        .clock(BatchClock.manual(0))
        .parallelism(2)
        .runOnce();

    assertEquals(
        List.of("1000 [(a,1)]", "2000 []", "3000 [(b,1)]", "4000 []", "5000 []", "6000 []"),
        texts(counts));
  }

  @Test
  void anInputWithNothingRunsOneBatch() throws Exception {
    CollectingSink counts = new CollectingSink();
    new WordCountBuilder(4)
        .lines(Sources.batches(List.of(List.of(), List.of())))
        .counts(counts)
        .clock(BatchClock.manual(0))
        .runOnce();

    assertEquals(List.of("1000 []"), texts(counts));
  }

  @Test
  void aSourceWithNoEndIsRefusedAndClosed() {
    CollectingSink counts = new CollectingSink();
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WordCountBuilder().counts(counts).buildOnce());
    assertEquals(
        "pipeline WordCount: input 'lines' reads from demo, which has no end; a bounded "
            + "run needs bounded inputs, such as files or a collection",
        refused.getMessage());
    assertEquals(1, counts.closes.get());
  }

  @Test
  void aGracefulStopFinishesTheBatchesCutSoFarAndEnds() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      words.add("w" + i);
    }
    AtomicInteger cut = new AtomicInteger();
    BoundedSource<String> all = Sources.collection(words, 1);
    BoundedSource<String> counted =
        new BoundedSource<>() {
          @Override
          public List<String> nextBatch(long batchTimeMs) throws Exception {
            cut.incrementAndGet();
            return all.nextBatch(batchTimeMs);
          }

          @Override
          public boolean exhausted() {
            return all.exhausted();
          }
        };
    CollectingSink counts = new CollectingSink().blockAt(2000);
    StreamingPipeline pipeline =
        new WordCountBuilder()
            .lines(counted)
            .counts(counts)
            .clock(BatchClock.manual(0))
            .parallelism(1)
            .buildOnce();
    pipeline.start();
    assertTrue(counts.blocked.await(30, TimeUnit.SECONDS));
    pipeline.requestStop(true);
    counts.release.countDown();
    pipeline.awaitTermination();

    int written = counts.batches.size();
    assertEquals(cut.get(), written, "every batch cut was written");
    assertTrue(written >= 2 && written < 100, "stopped early: " + written);
  }

  @Test
  void aSourceThatFailsToSayWhetherItIsExhaustedFailsTheRun() {
    BoundedSource<String> broken =
        new BoundedSource<>() {
          @Override
          public List<String> nextBatch(long batchTimeMs) {
            return List.of("a");
          }

          @Override
          public boolean exhausted() {
            throw new IllegalStateException("lost track");
          }
        };
    WordCountBuilder builder =
        new WordCountBuilder()
            .lines(broken)
            .counts(new CollectingSink())
            .clock(BatchClock.manual(0));
    PipelineFailedException failure = assertThrows(PipelineFailedException.class, builder::runOnce);
    assertEquals(
        "Pipeline WordCount failed in input 'lines' of batch 1000: "
            + "java.lang.IllegalStateException: lost track",
        failure.getMessage());
  }

  @Test
  void aCheckpointDirectoryIsRefused(@TempDir Path dir) {
    WordCountBuilder builder =
        new WordCountBuilder().lines(Sources.collection(List.of("a"), 1)).checkpoint(dir);
    IllegalStateException refused = assertThrows(IllegalStateException.class, builder::buildOnce);
    assertEquals(
        "pipeline WordCount: a bounded run takes no checkpoint directory; run it again "
            + "from its inputs instead",
        refused.getMessage());
  }

  @Test
  void aFailedBatchFailsTheRun() {
    BoundedSource<String> lines = Sources.collection(List.of("a", "b"), 1);
    CollectingSink counts = new CollectingSink().failAt(2000);
    WordCountBuilder builder =
        new WordCountBuilder().lines(lines).counts(counts).clock(BatchClock.manual(0));
    PipelineFailedException failure = assertThrows(PipelineFailedException.class, builder::runOnce);
    assertEquals(
        "Pipeline WordCount failed in output 'counts' of batch 2000: "
            + "java.io.IOException: disk full",
        failure.getMessage());
  }
}
