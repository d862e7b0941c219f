package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.State;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.MapWithState;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.StateSnapshots;
import dev.sluice.runtime.sink.Sinks;
import java.util.Optional;

/**
 * mapWithState over {@code key:value} records: a running sum per key, removed by a value of 0, keys
 * idle for over 3 s timing out at the full-scan batches (every tenth), and the snapshots.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class MapStateOps {

  @Input
  abstract Source<String> events();

  @Map(from = "events")
  static KV<String, Long> pairs(String event) {
    int colon = event.indexOf(':');
    return KV.of(event.substring(0, colon), Long.parseLong(event.substring(colon + 1)));
  }

  @MapWithState(from = "pairs", timeout = "3s", partitions = 3)
  static String sums(String key, Optional<Long> value, State<Long> state) {
    return MapStateOpsTest.track(key, value, state);
  }

  @StateSnapshots(from = "sums")
  static String snapshots(String key, Long sum) {
    return key + "=" + sum;
  }

  @Output(from = "sums")
  static Sink<String> sumsOut() {
    return Sinks.print();
  }

  @Output(from = "snapshots")
  static Sink<String> snapshotsOut() {
    return Sinks.print();
  }
}
