package dev.sluice.bench.pipelines;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;

/**
 * A keyed aggregation with a primitive reduce: the total value of each sensor per batch. The
 * benchmarks bind their own input and drive the generated program directly.
 */
@Pipeline(batchInterval = "1s")
public final class SensorTotals {

  /** No readings by default; benchmarks bind theirs. */
  @Input
  Source<Reading> readings() {
    return Sources.batches(List.of());
  }

  /** Keys each reading by its sensor. */
  @Map(from = "readings")
  static KV<Integer, Long> bySensor(Reading reading) {
    return KV.of(reading.sensor(), reading.value());
  }

  /** Sums the values of a sensor, unboxed. */
  @ReduceByKey(from = "bySensor")
  static long totals(long a, long b) {
    return a + b;
  }

  /** Prints the totals by default. */
  @Output(from = "totals")
  Sink<KV<Integer, Long>> print() {
    return Sinks.print();
  }
}
