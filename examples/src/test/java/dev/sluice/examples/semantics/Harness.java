package dev.sluice.examples.semantics;

import dev.sluice.api.Batch;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.test.PipelineTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a generated pipeline through the real runtime with the test kit's driver, one-second
 * batches, and records every batch each output is given, partitions included (the suite checks how
 * records are partitioned, which the kit's plain lists leave out).
 */
final class Harness {

  private Harness() {}

  /**
   * Binds every output of {@code builder} (inputs already bound) to a recording sink, runs {@code
   * batches} batches with {@code parallelism}, and returns each output's batches in order.
   */
  static Map<String, List<Batch<Object>>> run(
      PipelineBuilder<?> builder, int parallelism, int batches) {
    Map<String, List<Batch<Object>>> written = record(builder, parallelism);
    try (PipelineTestDriver driver = PipelineTestDriver.start(builder)) {
      driver.advanceBatches(batches);
    }
    return written;
  }

  /**
   * Like {@link #run}, as a bounded run: the inputs (bounded) back to back, then the batches the
   * windows need to drain; batch times as in {@link #run}, from a clock at 0.
   */
  static Map<String, List<Batch<Object>>> runOnce(PipelineBuilder<?> builder, int parallelism)
      throws InterruptedException {
    Map<String, List<Batch<Object>>> written = record(builder, parallelism);
    builder.clock(BatchClock.manual(0)).runOnce();
    return written;
  }

  /** Binds every output to a recording sink; one-second batches of {@code parallelism}. */
  private static Map<String, List<Batch<Object>>> record(
      PipelineBuilder<?> builder, int parallelism) {
    Map<String, List<Batch<Object>>> written = new LinkedHashMap<>();
    for (PipelineBuilder.Port port : builder.outputs()) {
      List<Batch<Object>> batchesOfPort = new ArrayList<>();
      written.put(port.name(), batchesOfPort);
      builder.bindOutput(
          port.name(),
          (dev.sluice.api.Sink<Object>)
              batch -> {
                synchronized (batchesOfPort) {
                  batchesOfPort.add(batch);
                }
              });
    }
    builder.batchInterval(Duration.ofSeconds(1)).parallelism(parallelism);
    return written;
  }

  /** Each batch's records, all partitions in order. */
  static List<List<Object>> records(List<Batch<Object>> batches) {
    return batches.stream().map(Batch::toList).toList();
  }

  /** Each batch's records as a sorted list of their texts: a multiset. */
  static List<List<String>> multisets(List<Batch<Object>> batches) {
    return batches.stream().map(batch -> sorted(batch.toList())).toList();
  }

  /** The texts of {@code records}, sorted. */
  static List<String> sorted(List<?> records) {
    return records.stream().map(String::valueOf).sorted().toList();
  }
}
