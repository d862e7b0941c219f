package dev.sluice.runtime.internal.state;

import dev.sluice.api.KV;
import dev.sluice.api.State;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.state.StateReference.MapWithStateOutput;
import dev.sluice.runtime.internal.state.StateReference.MappingFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Drives the state stores the way generated code will: one store per key partition; every batch
 * (also an empty one) each partition opens the batch, takes its records in order, and emits; the
 * partitions' outputs together make the batch's output. Batch {@code i} has time {@code (i + 1) *
 * interval}.
 */
final class GeneratedStateCode {

  private GeneratedStateCode() {}

  /** updateStateByKey over {@code partitions} key partitions: the state after every batch. */
  static <V, S> List<Map<String, S>> updateStateByKey(
      List<List<KV<String, V>>> batches,
      int partitions,
      BiFunction<List<V>, Optional<S>, Optional<S>> f) {
    List<UpdateStateStore<String, V, S>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new UpdateStateStore<>(4));
    }
    List<Map<String, S>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      for (UpdateStateStore<String, V, S> store : stores) {
        store.open(i);
      }
      for (KV<String, V> kv : batches.get(i)) {
        stores.get(Partitioner.partition(kv.key(), partitions)).add(kv.key(), kv.value());
      }
      Map<String, S> output = new LinkedHashMap<>();
      for (UpdateStateStore<String, V, S> store : stores) {
        ObjectValueMap<String, S> state = store.update(f);
        for (int e = 0; e < state.size(); e++) {
          output.put(state.key(e), state.get(e));
        }
      }
      out.add(output);
    }
    return out;
  }

  /** mapWithState over {@code partitions} key partitions: outputs and snapshots per batch. */
  static <V, S, R> MapWithStateOutput<String, S, R> mapWithState(
      List<List<KV<String, V>>> batches,
      int partitions,
      MappingFunction<String, V, S, R> fn,
      long interval,
      long timeout,
      int fullScan) {
    List<MapWithStateStore<String, S>> stores = new ArrayList<>();
    List<List<KV<String, V>>> routed = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new MapWithStateStore<>(timeout, fullScan, 4));
      routed.add(new ArrayList<>());
    }
    List<List<R>> mapped = new ArrayList<>();
    List<Map<String, S>> snapshots = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      routed.forEach(List::clear);
      for (KV<String, V> kv : batches.get(i)) {
        routed.get(Partitioner.partition(kv.key(), partitions)).add(kv);
      }
      List<R> out = new ArrayList<>();
      Map<String, S> snapshot = new LinkedHashMap<>();
      for (int p = 0; p < partitions; p++) {
        MapWithStateStore<String, S> store = stores.get(p);
        store.beginBatch(i, (i + 1) * interval);
        for (KV<String, V> kv : routed.get(p)) {
          State<S> state = store.open(kv.key());
          out.add(fn.apply(kv.key(), Optional.of(kv.value()), state));
          store.close();
        }
        for (int t = 0, n = store.timeouts(); t < n; t++) {
          String key = store.timedOutKey(t);
          out.add(fn.apply(key, Optional.empty(), store.openTimingOut(t)));
        }
        store.endBatch();
        for (int e = 0; e < store.size(); e++) {
          snapshot.put(store.key(e), store.state(e));
        }
      }
      mapped.add(out);
      snapshots.add(snapshot);
    }
    return new MapWithStateOutput<>(mapped, snapshots);
  }
}
