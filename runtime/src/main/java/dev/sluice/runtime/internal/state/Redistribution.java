package dev.sluice.runtime.internal.state;

import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals the partition images of a snapshot to the partitions of the pipeline that restores it,
 * which may have another parallelism, and runs in another JVM where hash codes of some keys (enums,
 * identity-hashed objects) differ: keyed entries go to the partition of their key by {@link
 * Partitioner}, as the shuffles of the new run will route them; images without keys go from old
 * partition {@code p} to new partition {@code p % partitions}. Within a new partition, sections of
 * the same tag are merged in old-partition order, so entry order is kept; positions are the maximum
 * over the images merged.
 *
 * <p>Stateless; safe from any thread.
 */
public final class Redistribution {

  private Redistribution() {}

  /** The images of {@code partitions} new partitions made from {@code old}. */
  public static <K, V> List<PartitionImage<K, V>> redistribute(
      List<PartitionImage<K, V>> old, int partitions, boolean keyed) {
    long[] positions = mergedPositions(old);
    List<Map<Long, PartitionImage.Section<K, V>>> sections = new ArrayList<>(partitions);
    List<PartitionImage<K, V>> images = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      images.add(new PartitionImage<>(positions));
      sections.add(new LinkedHashMap<>());
    }
    for (int from = 0; from < old.size(); from++) {
      for (PartitionImage.Section<K, V> section : old.get(from).sections()) {
        for (int i = 0, n = section.size(); i < n; i++) {
          K key = section.key(i);
          int to = keyed ? Partitioner.partition(key, partitions) : from % partitions;
          PartitionImage.Section<K, V> target = sections.get(to).get(section.tag());
          if (target == null) {
            target = images.get(to).addSection(section.tag());
            sections.get(to).put(section.tag(), target);
          }
          target.add(key, section.value(i), section.extra(i));
        }
      }
    }
    return images;
  }

  private static long[] mergedPositions(List<? extends PartitionImage<?, ?>> images) {
    long[] merged = null;
    for (PartitionImage<?, ?> image : images) {
      long[] positions = image.positions();
      if (merged == null) {
        merged = positions;
      } else if (merged.length != positions.length) {
        throw new IllegalArgumentException(
            "partition images hold " + merged.length + " and " + positions.length + " positions");
      } else {
        for (int i = 0; i < merged.length; i++) {
          merged[i] = Math.max(merged[i], positions[i]);
        }
      }
    }
    return merged == null ? new long[0] : merged;
  }
}
