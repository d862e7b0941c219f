package dev.sluice.bench.jmh;

import dev.sluice.bench.pipelines.Reading;
import dev.sluice.bench.pipelines.SensorTotalsPipeline;
import dev.sluice.bench.seam.Programs;
import dev.sluice.bench.seam.SeamContext;
import dev.sluice.runtime.internal.PipelineProgram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A keyed aggregation with primitive values: the total of each of 10,000 sensors over a batch of
 * 1,000,000 readings ({@link dev.sluice.bench.pipelines.SensorTotals}, whose reduce is {@code long
 * totals(long, long)}), against a hand-written loop with mutable {@code long} counters and a boxed
 * {@code HashMap.merge} as a generic engine would run it. Throughput is in records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(KeyedAggregationBenchmark.READINGS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class KeyedAggregationBenchmark {

  static final int READINGS = 1_000_000;
  private static final int SENSORS = 10_000;

  private List<Reading> readings;
  private PipelineProgram program;
  private final SeamContext context = new SeamContext();

  /** Seeded readings, and the program compiled for one partition. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    readings = new ArrayList<>(READINGS);
    for (int i = 0; i < READINGS; i++) {
      readings.add(new Reading(random.nextInt(SENSORS), random.nextInt(1_000)));
    }
    program = Programs.compile(SensorTotalsPipeline.builder(), 1);
    context.input(readings);
  }

  /** The generated map side and reduce side, the output records built. */
  @Benchmark
  public int sluiceGenerated() {
    program.runTask(0, 0, context);
    program.runTask(1, 0, context);
    int keys = context.output().size();
    context.output().clear();
    return keys;
  }

  /** A hand-written loop: one mutable {@code long} per sensor. */
  @Benchmark
  public Map<Integer, long[]> handWrittenLoop() {
    Map<Integer, long[]> totals = new HashMap<>();
    for (Reading reading : readings) {
      long[] total = totals.get(reading.sensor());
      if (total == null) {
        totals.put(reading.sensor(), new long[] {reading.value()});
      } else {
        total[0] += reading.value();
      }
    }
    return totals;
  }

  /** A generic, boxed reduce: {@code HashMap<Integer, Long>.merge} with {@code Long::sum}. */
  @Benchmark
  public Map<Integer, Long> boxedMerge() {
    Map<Integer, Long> totals = new HashMap<>();
    for (Reading reading : readings) {
      totals.merge(reading.sensor(), reading.value(), Long::sum);
    }
    return totals;
  }
}
