package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batch indices as tasks see them, and outputs written only at their slide. */
@Timeout(30)
class EngineSlideTest {

  @Test
  void tasksSeeTheBatchIndexCountingFromZeroAlsoForEmptyBatches() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    RecordingSink<String> every = new RecordingSink<>();
    Engine engine = engine(new IndexProgram(2, new ScriptedBatchSource(), every, 1), 2, clock);
    engine.start();
    clock.advance(Duration.ofSeconds(4));
    awaitBatch(engine, 4000);
    assertEquals(List.of(1000L, 2000L, 3000L, 4000L), times(every));
    for (int i = 0; i < 4; i++) {
      assertEquals(List.of(i + "@p0", i + "@p1"), every.batches.get(i).toList());
    }
    stopAndCheck(engine);
  }

  @Test
  void anOutputOfSlideTwoIsWrittenOnlyAtOddIndicesAndItsSinkIsNotCalledOtherwise()
      throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    RecordingSink<String> every = new RecordingSink<>();
    RecordingSink<String> slid = new RecordingSink<>();
    Engine engine =
        engine(new IndexProgram(2, new ScriptedBatchSource(), every, 1, slid, 2), 2, clock);
    engine.start();
    clock.advance(Duration.ofSeconds(5));
    awaitBatch(engine, 5000);
    assertEquals(List.of(1000L, 2000L, 3000L, 4000L, 5000L), times(every));
    assertEquals(List.of(2000L, 4000L), times(slid));
    assertEquals(List.of("1@p0", "1@p1"), slid.batches.get(0).toList());
    assertEquals(List.of("3@p0", "3@p1"), slid.batches.get(1).toList());
    stopAndCheck(engine);
  }

  @Test
  void slideThreeWritesAtIndicesTwoAndFive() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    RecordingSink<String> slid = new RecordingSink<>();
    Engine engine = engine(new IndexProgram(1, new ScriptedBatchSource(), slid, 3), 1, clock);
    engine.start();
    clock.advance(Duration.ofSeconds(7));
    awaitBatch(engine, 7000);
    assertEquals(List.of(3000L, 6000L), times(slid));
    assertEquals(List.of("5@p0"), slid.batches.get(1).toList());
    stopAndCheck(engine);
  }

  @Test
  void theThreeArgumentSlotHasSlideOneAndASlideBelowOneIsRefused() {
    Sink<String> sink = batch -> {};
    OutputSlot slot = new OutputSlot("out", sink, 2);
    assertEquals(1, slot.slide());
    assertTrue(slot.writesAt(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new OutputSlot("out", sink, 2, 0));
    assertEquals("output 'out': slide must be at least 1 batch, not 0", e.getMessage());
  }

  private static List<Long> times(RecordingSink<String> sink) {
    return sink.batches.stream().map(Batch::time).toList();
  }

  /** One segment writing {@code "<batchIndex>@p<partition>"} to every output partition. */
  private static final class IndexProgram extends PipelineProgram {

    IndexProgram(int partitions, Source<String> lines, Sink<String> sink, int slide) {
      super(
          "Slide",
          List.of(new InputSlot("lines", lines)),
          List.of(new SegmentSlot("index", partitions)),
          List.of(new OutputSlot("out", sink, partitions, slide)));
    }

    IndexProgram(
        int partitions,
        Source<String> lines,
        Sink<String> first,
        int firstSlide,
        Sink<String> second,
        int secondSlide) {
      super(
          "Slide",
          List.of(new InputSlot("lines", lines)),
          List.of(new SegmentSlot("index", partitions)),
          List.of(
              new OutputSlot("first", first, partitions, firstSlide),
              new OutputSlot("second", second, partitions, secondSlide)));
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      for (int o = 0; o < outputs().size(); o++) {
        context.<String>output(o, partition).add(context.batchIndex() + "@p" + partition);
      }
    }
  }
}
