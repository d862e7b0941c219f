package dev.sluice.runtime.checkpoint;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.engine.CollectingSink;
import dev.sluice.runtime.engine.Engine;
import dev.sluice.runtime.engine.EngineLimits;
import dev.sluice.runtime.engine.WordCountProgram;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's plan is forced while its segments run, and its outputs wait for it: with the batch
 * log's force held back, the batch computes but its sink is not called; once the force returns, it
 * is.
 */
@Timeout(60)
class OutputsAwaitDurablePlanTest {

  @TempDir Path dir;

  @AfterEach
  void useTheRealDisk() {
    Disk.use(null);
  }

  @Test
  void theSegmentsRunWhileThePlanIsForcedAndTheOutputsWaitForIt() throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Disk.use(
        new Disk() {
          @Override
          public FileChannel open(Path file, OpenOption... options) throws IOException {
            FileChannel channel = super.open(file, options);
            if (!file.getFileName().toString().startsWith("batches-")) {
              return channel;
            }
            return new ForwardingChannel(channel) {
              @Override
              public void force(boolean metaData) throws IOException {
                if (size() > LogRecords.HEADER_BYTES) { // the first plan, not the new segment
                  forcing.countDown();
                  await(release);
                }
                super.force(metaData);
              }
            };
          }
        });
    ManualClock clock = BatchClock.manual(500);
    CollectingSink sink = new CollectingSink();
    WordCountProgram words =
        new WordCountProgram("Overlap", 2, Sources.batches(List.of(List.of("a b a"))), sink, null);
    CountDownLatch computed = new CountDownLatch(2); // both tasks of the last segment
    PipelineProgram probe =
        new PipelineProgram(words.name(), words.inputs(), words.segments(), words.outputs()) {
          @Override
          public void runTask(int segment, int partition, TaskContext context) {
            words.runTask(segment, partition, context);
            if (segment == words.segments().size() - 1) {
              computed.countDown();
            }
          }
        };
    Engine engine =
        new Engine(
            probe,
            INTERVAL,
            2,
            clock,
            List.of(),
            EngineLimits.DEFAULTS,
            new CheckpointSettings(dir, true));
    engine.start();
    clock.setMillis(1000);
    assertTrue(forcing.await(10, TimeUnit.SECONDS), "the plan is being forced");
    assertTrue(computed.await(10, TimeUnit.SECONDS), "the batch ran meanwhile");
    // a bounded look for an absence: the output task must not run while the force is held
    assertEquals(false, engine.awaitBatch(1000, java.time.Duration.ofMillis(300)));
    assertEquals(List.of(), sink.times());
    release.countDown();
    assertTrue(engine.awaitBatch(1000, WAIT));
    assertEquals(Map.of("a", 2L, "b", 1L), sink.counts(1000));
    stopAndCheck(engine);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not release the force");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
