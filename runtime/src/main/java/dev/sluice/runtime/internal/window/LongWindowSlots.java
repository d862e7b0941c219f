package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.function.LongBinaryOperator;

/**
 * One key partition's per-batch aggregates of a window without an inverse function, with unboxed
 * {@code long} values: {@code reduceByKeyAndWindow(f, length, slide)} and, over a single key,
 * {@code reduceByWindow(f, length, slide)}.
 *
 * <p>A ring of {@code length} {@link LongValueMap}s keeps one aggregate per key per batch. Each
 * batch, the reduce side combines its shuffled column into {@link #batch(long)} with the user's
 * reduce function, exactly as for {@code reduceByKey}; at an emit batch, {@link #reduceWindow(long,
 * LongBinaryOperator)} merges the window's slots, oldest first, like Spark's {@code
 * reduceByKey(f).window(length, slide).reduceByKey(f)}: only keys present in the window appear, and
 * each key's per-batch values are reduced in batch order.
 *
 * <pre>{@code
 * LongValueMap<String> slot = window.batch(context.batchIndex());
 * // for each (key, value) of the column: combine into slot with the user's reduce
 * if (spec.emitsAt(context.batchIndex())) {
 *   LongValueMap<String> w = window.reduceWindow(context.batchIndex(), this::reduceCounts);
 *   for (int e = 0; e < w.size(); e++) out.add(KV.of(w.key(e), w.get(e)));
 * }
 * }</pre>
 *
 * <p><b>Threads:</b> as {@link dev.sluice.runtime.internal.KeyIndex}: one task at a time, the task
 * of its key partition. <b>Allocation:</b> none once the maps have grown to the keys of a batch and
 * of a window. <b>Cost:</b> adding a batch is one hash lookup per record (in generated code); an
 * emit is one lookup and at most one reduce call per (key, batch) entry of the window.
 *
 * @param <K> the key type
 */
public final class LongWindowSlots<K> implements SnapshotState<K, Long> {

  private final WindowSpec spec;
  private final BatchRing ring;
  private final LongValueMap<K>[] slots;
  private final LongValueMap<K> merged;
  private final BatchRing.SlotClearer clearer;

  /** Empty slots for windows of {@code spec}, each sized for about {@code expectedKeys}. */
  @SuppressWarnings("unchecked") // every element is set to a new LongValueMap<K> below
  public LongWindowSlots(WindowSpec spec, int expectedKeys) {
    this.spec = spec;
    this.ring = new BatchRing(spec.length());
    this.slots = (LongValueMap<K>[]) new LongValueMap<?>[spec.length()];
    for (int s = 0; s < slots.length; s++) {
      slots[s] = new LongValueMap<>(expectedKeys);
    }
    this.merged = new LongValueMap<>(expectedKeys);
    this.clearer = slot -> slots[slot].clear();
  }

  /**
   * The aggregates of batch {@code batchIndex}, to combine its records into; empty when first asked
   * for that batch. Batches must come in increasing order; asking again for the current batch
   * returns the same map (for several inputs feeding one window).
   */
  public LongValueMap<K> batch(long batchIndex) {
    ring.advance(batchIndex, clearer);
    return slots[ring.slot(batchIndex)];
  }

  /**
   * Merges the window emitted at {@code batchIndex} (batches {@code max(0, i-length+1) .. i}),
   * oldest batch first, calling {@code reduce(older, newer)} where a key has several values. The
   * map returned is reused by the next call; read it before then.
   */
  public LongValueMap<K> reduceWindow(long batchIndex, LongBinaryOperator reduce) {
    ring.advance(batchIndex, clearer);
    LongValueMap<K> out = merged;
    out.clear();
    for (long b = spec.firstBatch(batchIndex); b <= batchIndex; b++) {
      LongValueMap<K> slot = slots[ring.slot(b)];
      for (int e = 0, n = slot.size(); e < n; e++) {
        int entry = out.add(slot.key(e));
        if (entry < 0) {
          out.set(~entry, slot.get(e));
        } else {
          out.set(entry, reduce.applyAsLong(out.get(entry), slot.get(e)));
        }
      }
    }
    return out;
  }

  /** The batches the ring holds, a section each; position 0 is the last batch. */
  @Override
  public PartitionImage<K, Long> image() {
    PartitionImage<K, Long> image = new PartitionImage<>(ring.lastBatch());
    SlotImages.copyLong(ring, slots, image);
    return image;
  }

  @Override
  public void restore(PartitionImage<K, Long> image) {
    SlotImages.fillLong(ring, slots, image);
  }
}
