package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's records of the last batches, for {@code window(length, slide)}: a ring of {@code
 * length} per-batch lists. Each batch, the segment adds its records to {@link #batch(long)}; at an
 * emit batch it reads the window's batches oldest first through {@link #batchesIn(long)} and {@link
 * #batchIn(long, int)}, like Spark's union of the window's batches (records of a batch in order,
 * batches in time order).
 *
 * <pre>{@code
 * List<String> slot = window.batch(i);
 * for (String record : input) slot.add(record);
 * if (spec.emitsAt(i)) {
 *   for (int k = 0, n = window.batchesIn(i); k < n; k++) {
 *     for (String record : window.batchIn(i, k)) { ... fused stages after the window ... }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Threads:</b> one task at a time, the task of its partition. <b>Allocation:</b> none once
 * the lists have grown to a batch's records. <b>Cost:</b> adding is one list append per record; an
 * emit reads each record of the window once. The lists are reused: records must be copied out (to
 * output lists, or through fused stages) before they leave the window.
 *
 * @param <T> the record type
 */
public final class RecordWindowSlots<T> implements SnapshotState<Void, T> {

  private final WindowSpec spec;
  private final BatchRing ring;
  private final ArrayList<T>[] slots;
  private final BatchRing.SlotClearer clearer;

  /** Empty slots for windows of {@code spec}. */
  @SuppressWarnings("unchecked") // every element is set to a new ArrayList<T> below
  public RecordWindowSlots(WindowSpec spec) {
    this.spec = spec;
    this.ring = new BatchRing(spec.length());
    this.slots = (ArrayList<T>[]) new ArrayList<?>[spec.length()];
    for (int s = 0; s < slots.length; s++) {
      slots[s] = new ArrayList<>();
    }
    this.clearer = slot -> slots[slot].clear();
  }

  /**
   * The records of batch {@code batchIndex}, to add to; empty when first asked for that batch.
   * Batches must come in increasing order.
   */
  public List<T> batch(long batchIndex) {
    ring.advance(batchIndex, clearer);
    return slots[ring.slot(batchIndex)];
  }

  /** How many batches the window emitted at {@code batchIndex} covers: fewer at the start. */
  public int batchesIn(long batchIndex) {
    ring.advance(batchIndex, clearer);
    return (int) (batchIndex - spec.firstBatch(batchIndex) + 1);
  }

  /**
   * The records of the {@code k}-th batch (0 = oldest) of the window emitted at {@code batchIndex};
   * read-only, valid until that batch leaves the ring.
   */
  public List<T> batchIn(long batchIndex, int k) {
    ring.advance(batchIndex, clearer);
    if (k < 0 || k >= batchesIn(batchIndex)) {
      throw new IndexOutOfBoundsException(
          "batch " + k + " of the window at " + batchIndex + " of " + batchesIn(batchIndex));
    }
    return slots[ring.slot(spec.firstBatch(batchIndex) + k)];
  }

  /** The batches the ring holds, a section each with its records; position 0 is the last batch. */
  @Override
  public PartitionImage<Void, T> image() {
    long last = ring.lastBatch();
    PartitionImage<Void, T> image = new PartitionImage<>(last);
    for (long b = Math.max(0, last - slots.length + 1); b <= last; b++) {
      PartitionImage.Section<Void, T> section = image.addSection(b);
      for (T record : slots[ring.slot(b)]) {
        section.add(null, record);
      }
    }
    return image;
  }

  @Override
  public void restore(PartitionImage<Void, T> image) {
    ring.restore(image.position(0));
    for (PartitionImage.Section<Void, T> section : image.sections()) {
      if (ring.holds(section.tag())) {
        List<T> slot = slots[ring.slot(section.tag())];
        for (int i = 0, n = section.size(); i < n; i++) {
          slot.add(section.value(i));
        }
      }
    }
  }
}
