package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;

/**
 * Copies between a window's per-batch maps and the sections of a {@link PartitionImage}: one
 * section per batch the ring holds, tagged with the batch's index, entries in the map's order.
 *
 * <p><b>Threads:</b> stateless; called by the thread that owns the window.
 */
final class SlotImages {

  /** The tag of an inverse window's running aggregates: batch indexes are never negative. */
  static final long RUNNING = -1;

  private SlotImages() {}

  /** Adds a section per batch the ring holds, with that batch's slot. */
  static <K> void copyLong(BatchRing ring, LongValueMap<K>[] slots, PartitionImage<K, Long> image) {
    long last = ring.lastBatch();
    for (long b = Math.max(0, last - slots.length + 1); b <= last; b++) {
      LongValueMap<K> slot = slots[ring.slot(b)];
      copyLong(slot, image.addSection(b, slot.size()));
    }
  }

  /** Adds a section per batch the ring holds, with that batch's slot. */
  static <K, V> void copyObject(
      BatchRing ring, ObjectValueMap<K, V>[] slots, PartitionImage<K, V> image) {
    long last = ring.lastBatch();
    for (long b = Math.max(0, last - slots.length + 1); b <= last; b++) {
      ObjectValueMap<K, V> slot = slots[ring.slot(b)];
      copyObject(slot, image.addSection(b, slot.size()));
    }
  }

  static <K> void copyLong(LongValueMap<K> map, PartitionImage.Section<K, Long> section) {
    for (int e = 0, n = map.size(); e < n; e++) {
      section.add(map.key(e), map.get(e));
    }
  }

  static <K, V> void copyObject(ObjectValueMap<K, V> map, PartitionImage.Section<K, V> section) {
    for (int e = 0, n = map.size(); e < n; e++) {
      section.add(map.key(e), map.get(e));
    }
  }

  /**
   * Restores a new ring to the image's first position and fills the slots of the batches it holds;
   * sections of batches that have left the ring (from a partition that lagged) are dropped.
   */
  static <K> void fillLong(BatchRing ring, LongValueMap<K>[] slots, PartitionImage<K, Long> image) {
    ring.restore(image.position(0));
    for (PartitionImage.Section<K, Long> section : image.sections()) {
      if (ring.holds(section.tag())) {
        fillLong(slots[ring.slot(section.tag())], section);
      }
    }
  }

  /** As {@link #fillLong(BatchRing, LongValueMap[], PartitionImage)}, for reference values. */
  static <K, V> void fillObject(
      BatchRing ring, ObjectValueMap<K, V>[] slots, PartitionImage<K, V> image) {
    ring.restore(image.position(0));
    for (PartitionImage.Section<K, V> section : image.sections()) {
      if (ring.holds(section.tag())) {
        fillObject(slots[ring.slot(section.tag())], section);
      }
    }
  }

  static <K> void fillLong(LongValueMap<K> map, PartitionImage.Section<K, Long> section) {
    for (int i = 0, n = section.size(); i < n; i++) {
      int entry = map.add(section.key(i));
      map.set(entry < 0 ? ~entry : entry, section.value(i));
    }
  }

  static <K, V> void fillObject(ObjectValueMap<K, V> map, PartitionImage.Section<K, V> section) {
    for (int i = 0, n = section.size(); i < n; i++) {
      int entry = map.add(section.key(i));
      map.set(entry < 0 ? ~entry : entry, section.value(i));
    }
  }
}
