package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.ArrayList;
import java.util.List;

/**
 * One key partition's values of the last batches grouped by key, for {@code
 * groupByKeyAndWindow(length, slide)}: a ring of {@code length} per-batch maps from key to the
 * batch's values in arrival order. At an emit batch, {@link #groupWindow(long)} gives each key of
 * the window all its values, batch after batch, oldest first, like Spark's {@code
 * groupByKey().window(length, slide)} combined per key; keys absent from the window do not appear.
 *
 * <pre>{@code
 * window.open(i);
 * // for each (key, value) of the column: window.add(key, value)
 * if (spec.emitsAt(i)) {
 *   ObjectValueMap<String, List<Long>> w = window.groupWindow(i);
 *   for (int e = 0; e < w.size(); e++) out.add(KV.of(w.key(e), w.get(e)));
 * }
 * }</pre>
 *
 * <p><b>Threads:</b> one task at a time, the task of its key partition. <b>Allocation:</b> one list
 * per key per batch, and at each emit one new list per key of the window: emitted lists are never
 * touched again, so a sink may keep them. <b>Cost:</b> adding is one hash lookup and append per
 * record; an emit copies each value of the window once.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class GroupWindowSlots<K, V> implements SnapshotState<K, V> {

  private final WindowSpec spec;
  private final BatchRing ring;
  private final ObjectValueMap<K, List<V>>[] slots;
  private final ObjectValueMap<K, List<V>> grouped;
  private final BatchRing.SlotClearer clearer;
  private ObjectValueMap<K, List<V>> current;

  /** Empty slots for windows of {@code spec}, each sized for about {@code expectedKeys}. */
  @SuppressWarnings("unchecked") // every element is set to a new ObjectValueMap below
  public GroupWindowSlots(WindowSpec spec, int expectedKeys) {
    this.spec = spec;
    this.ring = new BatchRing(spec.length());
    this.slots = (ObjectValueMap<K, List<V>>[]) new ObjectValueMap<?, ?>[spec.length()];
    for (int s = 0; s < slots.length; s++) {
      slots[s] = new ObjectValueMap<>(expectedKeys);
    }
    this.grouped = new ObjectValueMap<>(expectedKeys);
    this.clearer = slot -> slots[slot].clear();
  }

  /** Opens batch {@code batchIndex} for {@link #add}; batches must come in increasing order. */
  public void open(long batchIndex) {
    ring.advance(batchIndex, clearer);
    current = slots[ring.slot(batchIndex)];
  }

  /** Adds {@code value} to {@code key}'s values of the open batch. */
  public void add(K key, V value) {
    ObjectValueMap<K, List<V>> slot = current;
    if (slot == null) {
      throw new IllegalStateException("no batch is open");
    }
    int entry = slot.add(key);
    List<V> values;
    if (entry < 0) {
      values = new ArrayList<>();
      slot.set(~entry, values);
    } else {
      values = slot.get(entry);
    }
    values.add(value);
  }

  /**
   * Groups the window emitted at {@code batchIndex}: each key present in it with a new list of all
   * its values, oldest batch first. The map is reused by the next call; its lists are not.
   */
  public ObjectValueMap<K, List<V>> groupWindow(long batchIndex) {
    ring.advance(batchIndex, clearer);
    ObjectValueMap<K, List<V>> out = grouped;
    out.clear();
    for (long b = spec.firstBatch(batchIndex); b <= batchIndex; b++) {
      ObjectValueMap<K, List<V>> slot = slots[ring.slot(b)];
      for (int e = 0, n = slot.size(); e < n; e++) {
        int entry = out.add(slot.key(e));
        if (entry < 0) {
          out.set(~entry, new ArrayList<>(slot.get(e)));
        } else {
          out.get(entry).addAll(slot.get(e));
        }
      }
    }
    return out;
  }

  /**
   * The batches the ring holds, a section each with an entry per value, in arrival order; position
   * 0 is the last batch.
   */
  @Override
  public PartitionImage<K, V> image() {
    long last = ring.lastBatch();
    PartitionImage<K, V> image = new PartitionImage<>(last);
    for (long b = Math.max(0, last - slots.length + 1); b <= last; b++) {
      ObjectValueMap<K, List<V>> slot = slots[ring.slot(b)];
      PartitionImage.Section<K, V> section = image.addSection(b);
      for (int e = 0, n = slot.size(); e < n; e++) {
        K key = slot.key(e);
        for (V value : slot.get(e)) {
          section.add(key, value);
        }
      }
    }
    return image;
  }

  @Override
  public void restore(PartitionImage<K, V> image) {
    ring.restore(image.position(0));
    for (PartitionImage.Section<K, V> section : image.sections()) {
      if (ring.holds(section.tag())) {
        current = slots[ring.slot(section.tag())];
        for (int i = 0, n = section.size(); i < n; i++) {
          add(section.key(i), section.value(i));
        }
      }
    }
    current = null;
  }
}
