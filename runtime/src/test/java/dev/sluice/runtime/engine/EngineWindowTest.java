package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.window.LongInverseWindow;
import dev.sluice.runtime.internal.window.WindowSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A windowed word count shaped like generated code, run by the engine on worker threads. */
@Timeout(30)
class EngineWindowTest {

  @Test
  void windowOfFourSlideTwoIsWrittenAtOddIndicesKeepsKeysAtZeroAndDrains()
      throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines =
        new ScriptedBatchSource()
            .put(1000, List.of("a b a", "c"))
            .put(2000, List.of("b"))
            .put(4000, List.of("c c"));
    RecordingSink<KV<String, Long>> sink = new RecordingSink<>();
    Engine engine =
        engine(new WindowedCountProgram(3, lines, sink, new WindowSpec(4, 2)), 3, clock);
    engine.start();
    clock.advance(Duration.ofSeconds(8));
    awaitBatch(engine, 8000);

    assertEquals(
        List.of(2000L, 4000L, 6000L, 8000L), sink.batches.stream().map(Batch::time).toList());
    assertEquals(Map.of("a", 2L, "b", 2L, "c", 1L), counts(sink.batches.get(0)));
    assertEquals(Map.of("a", 2L, "b", 2L, "c", 3L), counts(sink.batches.get(1)));
    assertEquals(Map.of("a", 0L, "b", 0L, "c", 2L), counts(sink.batches.get(2)));
    assertEquals(Map.of("a", 0L, "b", 0L, "c", 0L), counts(sink.batches.get(3)));
    assertEquals(3, sink.batches.get(0).partitionCount());
    stopAndCheck(engine);
  }

  private static Map<String, Long> counts(Batch<KV<String, Long>> batch) {
    Map<String, Long> counts = new HashMap<>();
    batch.forEach(kv -> assertNull(counts.put(kv.key(), kv.value()), "each key once"));
    return counts;
  }

  /**
   * Segment 0 combines {@code (word, 1)} into its row of the shuffle; segment 1 merges its column
   * into its partition's {@link LongInverseWindow} slot for the batch and, at slide batches, writes
   * the window; the output has the window's slide.
   */
  private static final class WindowedCountProgram extends PipelineProgram {

    private final WindowSpec spec;
    private final LongValueMap<String>[][] rows;
    private final LongInverseWindow<String>[] windows;

    @SuppressWarnings("unchecked") // generic arrays, every element set below
    WindowedCountProgram(
        int partitions, Source<String> lines, Sink<KV<String, Long>> sink, WindowSpec spec) {
      super(
          "WindowedCount",
          List.of(new InputSlot("lines", lines)),
          List.of(
              new SegmentSlot("lines -> words -> pairs", partitions),
              new SegmentSlot("windowCounts -> print", partitions)),
          List.of(new OutputSlot("print", sink, partitions, spec.slide())));
      this.spec = spec;
      this.rows = (LongValueMap<String>[][]) new LongValueMap<?>[partitions][partitions];
      this.windows = (LongInverseWindow<String>[]) new LongInverseWindow<?>[partitions];
      for (int p = 0; p < partitions; p++) {
        windows[p] = new LongInverseWindow<>(spec, Long::sum, (a, b) -> a - b, null, 16);
        for (int r = 0; r < partitions; r++) {
          rows[p][r] = new LongValueMap<>(16);
        }
      }
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      if (segment == 0) {
        LongValueMap<String>[] row = rows[partition];
        for (String line : context.<String>input(0, partition)) {
          for (String word : line.split(" ")) {
            combine(row[Partitioner.partition(word, row.length)], word, 1);
          }
        }
        return;
      }
      long batch = context.batchIndex();
      LongValueMap<String> slot = windows[partition].batch(batch);
      for (LongValueMap<String>[] row : rows) {
        LongValueMap<String> part = row[partition];
        for (int e = 0; e < part.size(); e++) {
          combine(slot, part.key(e), part.get(e));
        }
        part.clear();
      }
      if (spec.emitsAt(batch)) {
        LongValueMap<String> window = windows[partition].slide(batch);
        List<KV<String, Long>> out = context.output(0, partition);
        for (int e = 0; e < window.size(); e++) {
          out.add(KV.of(window.key(e), window.get(e)));
        }
      }
    }

    private static void combine(LongValueMap<String> map, String key, long value) {
      int e = map.add(key);
      if (e < 0) {
        map.set(~e, value);
      } else {
        map.set(e, map.get(e) + value);
      }
    }
  }
}
