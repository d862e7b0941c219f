package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.function.BinaryOperator;

/**
 * One key partition's per-batch aggregates of a window without an inverse function, with reference
 * values: the boxed counterpart of {@link LongWindowSlots}, with the same protocol (combine each
 * batch into {@link #batch(long)}, merge the window at emit batches with {@link #reduceWindow(long,
 * BinaryOperator)}, oldest batch first).
 *
 * <p><b>Threads:</b> one task at a time, the task of its key partition. <b>Allocation:</b> none
 * once the maps have grown, beyond what the reduce function allocates. <b>Cost:</b> as {@link
 * LongWindowSlots}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ObjectWindowSlots<K, V> implements SnapshotState<K, V> {

  private final WindowSpec spec;
  private final BatchRing ring;
  private final ObjectValueMap<K, V>[] slots;
  private final ObjectValueMap<K, V> merged;
  private final BatchRing.SlotClearer clearer;

  /** Empty slots for windows of {@code spec}, each sized for about {@code expectedKeys}. */
  @SuppressWarnings("unchecked") // every element is set to a new ObjectValueMap<K, V> below
  public ObjectWindowSlots(WindowSpec spec, int expectedKeys) {
    this.spec = spec;
    this.ring = new BatchRing(spec.length());
    this.slots = (ObjectValueMap<K, V>[]) new ObjectValueMap<?, ?>[spec.length()];
    for (int s = 0; s < slots.length; s++) {
      slots[s] = new ObjectValueMap<>(expectedKeys);
    }
    this.merged = new ObjectValueMap<>(expectedKeys);
    this.clearer = slot -> slots[slot].clear();
  }

  /**
   * The aggregates of batch {@code batchIndex}, to combine its records into; empty when first asked
   * for that batch. Batches must come in increasing order; asking again for the current batch
   * returns the same map (for several inputs feeding one window).
   */
  public ObjectValueMap<K, V> batch(long batchIndex) {
    ring.advance(batchIndex, clearer);
    return slots[ring.slot(batchIndex)];
  }

  /**
   * Merges the window emitted at {@code batchIndex} (batches {@code max(0, i-length+1) .. i}),
   * oldest batch first, calling {@code reduce(older, newer)} where a key has several values. The
   * map returned is reused by the next call; read it before then.
   */
  public ObjectValueMap<K, V> reduceWindow(long batchIndex, BinaryOperator<V> reduce) {
    ring.advance(batchIndex, clearer);
    ObjectValueMap<K, V> out = merged;
    out.clear();
    for (long b = spec.firstBatch(batchIndex); b <= batchIndex; b++) {
      ObjectValueMap<K, V> slot = slots[ring.slot(b)];
      for (int e = 0, n = slot.size(); e < n; e++) {
        int entry = out.add(slot.key(e));
        if (entry < 0) {
          out.set(~entry, slot.get(e));
        } else {
          out.set(entry, reduce.apply(out.get(entry), slot.get(e)));
        }
      }
    }
    return out;
  }

  /** The batches the ring holds, a section each; position 0 is the last batch. */
  @Override
  public PartitionImage<K, V> image() {
    PartitionImage<K, V> image = new PartitionImage<>(ring.lastBatch());
    SlotImages.copyObject(ring, slots, image);
    return image;
  }

  @Override
  public void restore(PartitionImage<K, V> image) {
    SlotImages.fillObject(ring, slots, image);
  }
}
