package dev.sluice.runtime.internal.state;

import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One key partition's state for {@code updateStateByKey}, with Spark's rules: every batch, the
 * update function runs for every key that has state or new values, also when the key, or the whole
 * batch, has none (an empty list); returning {@link Optional#empty()} removes the key; the stream
 * is the full state after every batch.
 *
 * <p>Per batch, generated code does:
 *
 * <pre>{@code
 * store.open(context.batchIndex());
 * // for each (key, value) of the partition, in order: store.add(key, value)
 * ObjectValueMap<String, Long> state = store.update(Pipeline::running);
 * for (int e = 0; e < state.size(); e++) out.add(KV.of(state.key(e), state.get(e)));
 * }</pre>
 *
 * <p>Keys are updated in a fixed order: those with state first, in the order the state holds them,
 * then the keys new in this batch, in order of their first value. A key's values are in arrival
 * order.
 *
 * <p><b>Threads:</b> one task at a time, the task of its key partition, which the engine always
 * runs on worker {@code partition % workers}. <b>Allocation:</b> per batch, one list per key with
 * new values and what the update function allocates (its {@code Optional}s). <b>Cost:</b> one hash
 * lookup per value; an update visits every key with state, as Spark's does.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 */
public final class UpdateStateStore<K, V, S> implements SnapshotState<K, S> {

  private final ObjectValueMap<K, List<V>> values;
  private ObjectValueMap<K, S> state;
  private ObjectValueMap<K, S> next;
  private long batchIndex = -1;
  private boolean updated = true;

  /** An empty store sized for about {@code expectedKeys} keys. */
  public UpdateStateStore(int expectedKeys) {
    this.values = new ObjectValueMap<>(expectedKeys);
    this.state = new ObjectValueMap<>(expectedKeys);
    this.next = new ObjectValueMap<>(expectedKeys);
  }

  /** Opens batch {@code batchIndex} for {@link #add}; batches come in increasing order. */
  public void open(long batchIndex) {
    if (batchIndex <= this.batchIndex) {
      throw new IllegalStateException(
          "batch " + batchIndex + " comes after batch " + this.batchIndex + " in a state store");
    }
    if (!updated) {
      throw new IllegalStateException("batch " + this.batchIndex + " was never updated");
    }
    this.batchIndex = batchIndex;
    this.updated = false;
    values.clear();
  }

  /** Adds a new value of {@code key} to the open batch. */
  public void add(K key, V value) {
    int entry = values.add(key);
    List<V> list;
    if (entry < 0) {
      list = new ArrayList<>();
      values.set(~entry, list);
    } else {
      list = values.get(entry);
    }
    list.add(value);
  }

  /**
   * Runs {@code update(newValues, previousState)} for every key with state or new values and
   * returns the new state of every key, to read before the next batch (never to change).
   */
  public ObjectValueMap<K, S> update(BiFunction<List<V>, Optional<S>, Optional<S>> update) {
    if (updated) {
      throw new IllegalStateException("batch " + batchIndex + " is not open");
    }
    updated = true;
    ObjectValueMap<K, S> old = state;
    ObjectValueMap<K, S> fresh = next;
    fresh.clear();
    for (int e = 0, n = old.size(); e < n; e++) {
      K key = old.key(e);
      int v = values.find(key);
      keep(fresh, key, update.apply(v < 0 ? List.of() : values.get(v), Optional.of(old.get(e))));
    }
    for (int v = 0, n = values.size(); v < n; v++) {
      K key = values.key(v);
      if (old.find(key) < 0) {
        keep(fresh, key, update.apply(values.get(v), Optional.empty()));
      }
    }
    values.clear();
    old.clear();
    next = old;
    state = fresh;
    return fresh;
  }

  private void keep(ObjectValueMap<K, S> fresh, K key, Optional<S> newState) {
    if (newState.isPresent()) {
      fresh.set(~fresh.add(key), newState.get());
    }
  }

  /** Every key's state, in order; position 0 is the last batch. Only between batches. */
  @Override
  public PartitionImage<K, S> image() {
    PartitionImage<K, S> image = new PartitionImage<>(batchIndex);
    PartitionImage.Section<K, S> section = image.addSection(0, state.size());
    for (int e = 0, n = state.size(); e < n; e++) {
      section.add(state.key(e), state.get(e));
    }
    return image;
  }

  @Override
  public void restore(PartitionImage<K, S> image) {
    if (batchIndex != -1) {
      throw new IllegalStateException("a state store can only be restored before its first batch");
    }
    batchIndex = image.position(0);
    for (PartitionImage.Section<K, S> section : image.sections()) {
      for (int i = 0, n = section.size(); i < n; i++) {
        int entry = state.add(section.key(i));
        state.set(entry < 0 ? ~entry : entry, section.value(i));
      }
    }
  }
}
