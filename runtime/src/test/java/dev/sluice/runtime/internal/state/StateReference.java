package dev.sluice.runtime.internal.state;

import dev.sluice.api.KV;
import dev.sluice.api.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What Spark Streaming emits per batch for the stateful operators, computed from the rules in
 * SEMANTICS.md with plain maps, independently of the stores. Batch {@code i} has time {@code (i +
 * 1) * interval}: zero time is one interval before batch 0.
 */
public final class StateReference {

  private StateReference() {}

  /** A {@code mapWithState} function: Spark's {@code Function3<K, Optional<V>, State<S>, R>}. */
  public interface MappingFunction<K, V, S, R> {
    /** Maps one record (or a timeout, with {@code value} empty) with the key's state. */
    R apply(K key, Optional<V> value, State<S> state);
  }

  /**
   * What a {@code mapWithState} stage emits per batch, and its state snapshots.
   *
   * @param mapped each batch's outputs, in record order (timeouts last)
   * @param snapshots each batch's state of every key after the batch
   */
  public record MapWithStateOutput<K, S, R>(List<List<R>> mapped, List<Map<K, S>> snapshots) {}

  /**
   * {@code updateStateByKey(f)}: every batch, {@code f} for every key with state or new values
   * (values in record order, an empty list for none); empty removes; the full state every batch.
   */
  public static <K, V, S> List<Map<K, S>> updateStateByKey(
      List<List<KV<K, V>>> batches, BiFunction<List<V>, Optional<S>, Optional<S>> f) {
    List<Map<K, S>> out = new ArrayList<>();
    Map<K, S> state = new LinkedHashMap<>();
    for (List<KV<K, V>> batch : batches) {
      Map<K, List<V>> values = new LinkedHashMap<>();
      batch.forEach(kv -> values.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value()));
      Set<K> keys = new LinkedHashSet<>(state.keySet());
      keys.addAll(values.keySet());
      Map<K, S> next = new LinkedHashMap<>();
      for (K key : keys) {
        f.apply(values.getOrDefault(key, List.of()), Optional.ofNullable(state.get(key)))
            .ifPresent(s -> next.put(key, s));
      }
      state = next;
      out.add(Map.copyOf(state));
    }
    return out;
  }

  /**
   * {@code mapWithState(spec)}: {@code fn} once per record in order; after each call a removed
   * state is deleted, an updated one stored with the batch time, and with a timeout an existing one
   * stored again with it; at batches with {@code (i + 1) % fullScan == 0}, keys last stored before
   * {@code time - timeout} get a last call with no value while timing out, then go.
   */
  public static <K, V, S, R> MapWithStateOutput<K, S, R> mapWithState(
      List<List<KV<K, V>>> batches,
      MappingFunction<K, V, S, R> fn,
      long interval,
      long timeout,
      int fullScan) {
    Map<K, S> states = new LinkedHashMap<>();
    Map<K, Long> written = new LinkedHashMap<>();
    List<List<R>> mapped = new ArrayList<>();
    List<Map<K, S>> snapshots = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      long time = (i + 1) * interval;
      List<R> out = new ArrayList<>();
      for (KV<K, V> kv : batches.get(i)) {
        K key = kv.key();
        RefState<S> state = new RefState<>(states.containsKey(key), states.get(key), false);
        out.add(fn.apply(key, Optional.of(kv.value()), state));
        if (state.removed) {
          states.remove(key);
          written.remove(key);
        } else if (state.updated || (state.defined && timeout > 0)) {
          states.put(key, state.value);
          written.put(key, time);
        }
      }
      if (timeout > 0 && (i + 1) % fullScan == 0) {
        for (K key : new ArrayList<>(states.keySet())) {
          if (written.get(key) < time - timeout) {
            out.add(fn.apply(key, Optional.empty(), new RefState<>(true, states.get(key), true)));
            states.remove(key);
            written.remove(key);
          }
        }
      }
      mapped.add(out);
      snapshots.add(new LinkedHashMap<>(states));
    }
    return new MapWithStateOutput<>(mapped, snapshots);
  }

  /** A fresh state handle per call, with Spark's flags. */
  private static final class RefState<S> implements State<S> {
    private S value;
    private boolean defined;
    private final boolean timingOut;
    private boolean updated;
    private boolean removed;

    RefState(boolean defined, S value, boolean timingOut) {
      this.defined = defined;
      this.value = value;
      this.timingOut = timingOut;
    }

    @Override
    public boolean exists() {
      return defined;
    }

    @Override
    public S get() {
      if (!defined) {
        throw new NoSuchElementException("State is not set");
      }
      return value;
    }

    @Override
    public void update(S newState) {
      if (removed || timingOut) {
        throw new IllegalArgumentException("update refused");
      }
      value = newState;
      defined = true;
      updated = true;
    }

    @Override
    public void remove() {
      if (removed || timingOut) {
        throw new IllegalArgumentException("remove refused");
      }
      value = null;
      defined = false;
      updated = false;
      removed = true;
    }

    @Override
    public boolean isTimingOut() {
      return timingOut;
    }
  }
}
