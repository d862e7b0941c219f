package dev.sluice.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import dev.sluice.api.Sink;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Runs a generated Sluice pipeline (inputs already bound) on a manual clock with one-second
 * batches, one {@code awaitBatch} per batch, and collects what each output is given, per batch
 * index ({@code time / 1000 - 1}).
 *
 * <p>Concurrency: sinks are called on the runtime's threads and write to concurrent maps, read by
 * the test thread after the pipeline has stopped.
 */
final class SluiceRun {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private SluiceRun() {}

  /** Runs {@code totalBatches} batches with {@code parallelism}; returns each output's batches. */
  static Map<String, SortedMap<Integer, List<String>>> run(
      PipelineBuilder<?> builder, int parallelism, int totalBatches) throws InterruptedException {
    Map<String, ConcurrentSkipListMap<Integer, List<String>>> written = new ConcurrentHashMap<>();
    for (PipelineBuilder.Port port : builder.outputs()) {
      ConcurrentSkipListMap<Integer, List<String>> batches = new ConcurrentSkipListMap<>();
      written.put(port.name(), batches);
      Sink<Object> sink = batch -> batches.put(index(batch), texts(batch));
      builder.bindOutput(port.name(), sink);
    }
    ManualClock clock = BatchClock.manual(0);
    StreamingPipeline pipeline =
        builder.clock(clock).batchInterval(Duration.ofSeconds(1)).parallelism(parallelism).build();
    pipeline.start();
    try {
      for (int batch = 1; batch <= totalBatches; batch++) {
        clock.advance(Duration.ofSeconds(1));
        assertTrue(pipeline.awaitBatch(batch * 1000L, WAIT), "Sluice batch " + (batch - 1));
      }
    } finally {
      pipeline.stop(false);
    }
    Map<String, SortedMap<Integer, List<String>>> byOutput = new TreeMap<>();
    written.forEach((name, batches) -> byOutput.put(name, new TreeMap<>(batches)));
    return byOutput;
  }

  private static int index(Batch<Object> batch) {
    return (int) (batch.time() / 1000) - 1;
  }

  private static List<String> texts(Batch<Object> batch) {
    List<String> texts = new ArrayList<>();
    for (Object record : batch) {
      texts.add(String.valueOf(record));
    }
    return texts;
  }
}
