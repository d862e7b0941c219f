package dev.sluice.runtime.internal.state;

import dev.sluice.api.State;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.ArrayList;

/**
 * One key partition's state for {@code mapWithState}, with Spark's rules: the function runs once
 * per record, in record order, with a {@link State} handle; a key whose state was not written for
 * longer than the idle timeout gets one last call, only at full-scan batches.
 *
 * <p>Per batch, generated code does:
 *
 * <pre>{@code
 * store.beginBatch(context.batchIndex(), context.batchTime());
 * for each (key, value) of the partition, in order:
 *   State<Session> state = store.open(key);
 *   out.add(Pipeline.track(key, Optional.of(value), state));
 *   store.close();
 * for (int t = 0, n = store.timeouts(); t < n; t++) {
 *   String key = store.timedOutKey(t);
 *   out.add(Pipeline.track(key, Optional.empty(), store.openTimingOut(t)));
 * }
 * store.endBatch();
 * // snapshots:
 * for (int e = 0; e < store.size(); e++) snapshot.add(KV.of(store.key(e), store.state(e)));
 * }</pre>
 *
 * <p>After each call, {@link #close()} applies what it did, as Spark does: a removed state is
 * deleted; an updated one is stored with the batch time; and when there is a timeout, a state that
 * merely exists is stored again with the batch time, so any record keeps its key alive.
 *
 * <p>Timeouts: at a full-scan batch {@code i} (by default {@code (i + 1) % 10 == 0}, Spark's
 * checkpoint interval of ten batch intervals, when {@code mapWithState} scans every state), after
 * the batch's records, every key last written before {@code batchTime - timeout} is timing out: it
 * gets a call with no value and {@link State#isTimingOut()} true, and is removed. At other batches
 * no key times out, however idle.
 *
 * <p><b>Threads:</b> one task at a time, the task of its key partition, which the engine always
 * runs on worker {@code partition % workers}. <b>Allocation:</b> none per record once the table has
 * grown, beyond the user's function. <b>Cost:</b> one hash lookup per record (two when a new key is
 * stored); a full-scan batch also visits every key.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
public final class MapWithStateStore<K, S> implements SnapshotState<K, S> {

  /** Spark's default: states are scanned for timeouts at every tenth batch. */
  public static final int DEFAULT_FULL_SCAN_BATCHES = 10;

  private final long timeoutMillis;
  private final int fullScanBatches;
  private final StateTable<K, S> table;
  private final StateHandle<S> handle = new StateHandle<>();
  private final ArrayList<K> timedOutKeys = new ArrayList<>();
  private final ArrayList<S> timedOutStates = new ArrayList<>();
  private long batchIndex = -1;
  private long batchTime;
  private K openKey;
  private int openEntry = -1;
  private boolean open;

  /**
   * An empty store.
   *
   * @param timeoutMillis the idle timeout in milliseconds, or 0 for none
   * @param fullScanBatches every how many batches timeouts are looked for (Spark: the checkpoint
   *     interval in batches, {@link #DEFAULT_FULL_SCAN_BATCHES} by default)
   * @param expectedKeys about how many keys the partition will hold
   */
  public MapWithStateStore(long timeoutMillis, int fullScanBatches, int expectedKeys) {
    if (timeoutMillis < 0 || fullScanBatches < 1) {
      throw new IllegalArgumentException(
          "timeout must be at least 0 ms and full scans at least "
              + "every batch, not "
              + timeoutMillis
              + " ms and every "
              + fullScanBatches);
    }
    this.timeoutMillis = timeoutMillis;
    this.fullScanBatches = fullScanBatches;
    this.table = new StateTable<>(expectedKeys);
  }

  /** Starts batch {@code batchIndex} at {@code batchTime} ms; batches come in increasing order. */
  public void beginBatch(long batchIndex, long batchTime) {
    if (batchIndex <= this.batchIndex) {
      throw new IllegalStateException(
          "batch " + batchIndex + " comes after batch " + this.batchIndex + " in a state store");
    }
    this.batchIndex = batchIndex;
    this.batchTime = batchTime;
    timedOutKeys.clear();
    timedOutStates.clear();
  }

  /** The handle for a call with a value of {@code key}; {@link #close()} must follow the call. */
  public State<S> open(K key) {
    int entry = table.find(key);
    handle.wrap(entry >= 0, entry >= 0 ? table.state(entry) : null);
    openKey = key;
    openEntry = entry;
    open = true;
    return handle;
  }

  /** Applies what the call since {@link #open} did to the key's state. */
  public void close() {
    if (!open) {
      throw new IllegalStateException("no state is open");
    }
    open = false;
    StateHandle<S> h = handle;
    if (h.removed()) {
      if (openEntry >= 0) {
        table.remove(openEntry);
      }
    } else if (h.updated() || (h.exists() && timeoutMillis > 0)) {
      if (openEntry >= 0) {
        table.set(openEntry, h.get(), batchTime);
      } else {
        table.put(openKey, h.get(), batchTime);
      }
    }
    openKey = null;
    h.release();
  }

  /**
   * Collects the keys timing out at this batch (none unless there is a timeout and this is a
   * full-scan batch) and returns how many; call after the batch's records.
   */
  public int timeouts() {
    timedOutKeys.clear();
    timedOutStates.clear();
    if (timeoutMillis == 0 || (batchIndex + 1) % fullScanBatches != 0) {
      return 0;
    }
    long threshold = batchTime - timeoutMillis;
    for (int e = 0, n = table.size(); e < n; e++) {
      if (table.time(e) < threshold) {
        timedOutKeys.add(table.key(e));
        timedOutStates.add(table.state(e));
      }
    }
    return timedOutKeys.size();
  }

  /** The key of timeout {@code t}, {@code 0 <= t < timeouts()}. */
  public K timedOutKey(int t) {
    return timedOutKeys.get(t);
  }

  /**
   * Removes the key of timeout {@code t} and returns the handle for its last call: its state,
   * {@link State#isTimingOut()} true, update and remove refused.
   */
  public State<S> openTimingOut(int t) {
    int entry = table.find(timedOutKeys.get(t));
    if (entry >= 0) {
      table.remove(entry);
    }
    handle.wrapTimingOut(timedOutStates.get(t));
    return handle;
  }

  /** Ends the batch, dropping references to timed-out keys and states. */
  public void endBatch() {
    timedOutKeys.clear();
    timedOutStates.clear();
    handle.release();
  }

  /** How many keys have state, for the snapshot stream. */
  public int size() {
    return table.size();
  }

  /** The key of entry {@code entry}, {@code 0 <= entry < size()}. */
  public K key(int entry) {
    return table.key(entry);
  }

  /** The state of entry {@code entry}. */
  public S state(int entry) {
    return table.state(entry);
  }

  /**
   * Every key's state with the batch time it was last written as the extra, in the table's order;
   * positions: the last batch and its time. Only between batches.
   */
  @Override
  public PartitionImage<K, S> image() {
    PartitionImage<K, S> image = new PartitionImage<>(batchIndex, batchTime);
    PartitionImage.Section<K, S> section = image.addSection(0, table.size());
    for (int e = 0, n = table.size(); e < n; e++) {
      section.add(table.key(e), table.state(e), table.time(e));
    }
    return image;
  }

  @Override
  public void restore(PartitionImage<K, S> image) {
    if (batchIndex != -1) {
      throw new IllegalStateException("a state store can only be restored before its first batch");
    }
    batchIndex = image.position(0);
    batchTime = image.position(1);
    for (PartitionImage.Section<K, S> section : image.sections()) {
      for (int i = 0, n = section.size(); i < n; i++) {
        table.put(section.key(i), section.value(i), section.extra(i));
      }
    }
  }
}
