package dev.sluice.compat;

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
import dev.sluice.api.annotation.UpdateStateByKey;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;
import java.util.Optional;

/**
 * updateStateByKey (with removal and with keys updated without new values) and mapWithState with a
 * timeout of 3 batches and its snapshots, over {@code key:value} records; mirrored on Spark in
 * {@link StateCompatTest}.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class StateCompat {

  @Input
  abstract Source<String> records();

  @Map(from = "records")
  static KV<String, Long> pairs(String record) {
    return KV.of(Records.key(record), Records.value(record));
  }

  @UpdateStateByKey(from = "pairs")
  static Optional<Long> totals(List<Long> values, Optional<Long> state) {
    return StateFunctions.total(values, state);
  }

  @MapWithState(from = "pairs", timeout = "3s")
  static String sessions(String key, Optional<Long> value, State<Long> state) {
    if (state.isTimingOut()) {
      return key + " timed out at " + state.get();
    }
    long v = value.orElseThrow();
    if (v == 0 && state.exists()) {
      state.remove();
      return key + " removed";
    }
    long sum = state.getOption().orElse(0L) + v;
    state.update(sum);
    return key + "=" + sum;
  }

  @StateSnapshots(from = "sessions")
  static KV<String, Long> snapshots(String key, Long sum) {
    return KV.of(key, sum);
  }

  @Output(from = "totals")
  static Sink<KV<String, Long>> totalsOut() {
    return Sinks.print();
  }

  @Output(from = "sessions")
  static Sink<String> sessionsOut() {
    return Sinks.print();
  }

  @Output(from = "snapshots")
  static Sink<KV<String, Long>> snapshotsOut() {
    return Sinks.print();
  }
}
