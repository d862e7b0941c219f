package dev.sluice.runtime.internal.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A copy of one partition of a stateful stage in a form the runtime can encode, decode and split by
 * key: a few positions of the store (its last batch index, its last slide), then sections of {@code
 * (key, value, extra)} entries, each tagged (a ring slot by its batch index, or 0 for a store's one
 * table). Entries keep the order the store iterates them in, so a restored store emits its keys in
 * the same order as the one that was copied.
 *
 * <p>When a snapshot is restored under another parallelism, the images of the old partitions are
 * split by key (or, for stores without keys, dealt by partition number) and merged: sections with
 * the same tag are concatenated in old-partition order, and each position is the maximum over the
 * images, so positions must be values that only grow.
 *
 * <p><b>Threads:</b> not thread-safe; made by one thread and handed on through the engine's queues.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class PartitionImage<K, V> {

  private final long[] positions;
  private final List<Section<K, V>> sections = new ArrayList<>();

  /** An image with the store's {@code positions} and no sections yet. */
  public PartitionImage(long... positions) {
    this.positions = positions.clone();
  }

  /** The store's positions, as given. */
  public long[] positions() {
    return positions.clone();
  }

  /** Position {@code i}. */
  public long position(int i) {
    return positions[i];
  }

  /** Adds an empty section tagged {@code tag} and returns it. */
  public Section<K, V> addSection(long tag) {
    return addSection(tag, 8);
  }

  /** Adds an empty section tagged {@code tag}, sized for {@code entries}, and returns it. */
  public Section<K, V> addSection(long tag, int entries) {
    Section<K, V> section = new Section<>(tag, entries);
    sections.add(section);
    return section;
  }

  /** The sections in the order they were added. */
  public List<Section<K, V>> sections() {
    return sections;
  }

  /** The number of entries over all sections. */
  public long entries() {
    long entries = 0;
    for (Section<K, V> section : sections) {
      entries += section.size();
    }
    return entries;
  }

  /**
   * One tagged run of entries.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  public static final class Section<K, V> {

    private final long tag;
    private final ArrayList<K> keys;
    private final ArrayList<V> values;
    private long[] extras;

    private Section(long tag, int entries) {
      this.tag = tag;
      int capacity = Math.max(8, entries);
      this.keys = new ArrayList<>(capacity);
      this.values = new ArrayList<>(capacity);
      this.extras = new long[capacity];
    }

    /** The section's tag. */
    public long tag() {
      return tag;
    }

    /** Appends an entry. */
    public void add(K key, V value, long extra) {
      int at = keys.size();
      if (at == extras.length) {
        extras = Arrays.copyOf(extras, at * 2);
      }
      keys.add(key);
      values.add(value);
      extras[at] = extra;
    }

    /** Appends an entry whose extra is 0. */
    public void add(K key, V value) {
      add(key, value, 0);
    }

    /** The number of entries. */
    public int size() {
      return keys.size();
    }

    /** The key of entry {@code i}. */
    public K key(int i) {
      return keys.get(i);
    }

    /** The value of entry {@code i}. */
    public V value(int i) {
      return values.get(i);
    }

    /** The extra of entry {@code i}: a store's per-entry number, such as a last-update time. */
    public long extra(int i) {
      return extras[i];
    }
  }
}
