package dev.sluice.runtime.internal;

import java.util.Arrays;

/**
 * An open-addressing hash index of keys that numbers them densely in insertion order: the key half
 * of the per-key aggregation buffers that generated code combines into. Subclasses keep the values
 * in parallel arrays indexed by entry number, so a value can be primitive and unboxed.
 *
 * <p>Iterating {@code 0 .. size()-1} visits keys in first-insertion order, which keeps outputs
 * deterministic. {@link #clear()} keeps the arrays, so a buffer reused batch after batch stops
 * allocating once it has grown to the batch's key count.
 *
 * <p><b>Threads:</b> not thread-safe; owned by one task at a time (the engine's queues publish it
 * from one task to the next). <b>Keys</b> may be {@code null} and are compared with {@code equals}.
 *
 * @param <K> the key type
 */
public abstract class KeyIndex<K> {

  private static final int MIN_CAPACITY = 16;

  /** Slot to entry number + 1; 0 marks an empty slot. Length is a power of two. */
  private int[] slots;

  private Object[] keys;
  private int[] hashes;
  private int size;
  private int shift;

  protected KeyIndex(int expectedKeys) {
    int capacity = MIN_CAPACITY;
    while (capacity < expectedKeys) {
      capacity <<= 1;
    }
    keys = new Object[capacity];
    hashes = new int[capacity];
    slots = new int[capacity * 2];
    shift = Integer.numberOfLeadingZeros(slots.length - 1);
  }

  /** How many keys fit before the arrays grow; value arrays must be at least this long. */
  protected final int capacity() {
    return keys.length;
  }

  /** The number of keys. */
  public final int size() {
    return size;
  }

  /** The key of entry {@code entry}, {@code 0 <= entry < size()}. */
  @SuppressWarnings("unchecked") // only K values are ever stored in keys
  public final K key(int entry) {
    return (K) keys[entry];
  }

  /** The entry number of {@code key}, or -1 when absent. */
  public final int find(K key) {
    int hash = hash(key);
    int mask = slots.length - 1;
    for (int slot = hash >>> shift; ; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        return -1;
      }
      if (hashes[entry] == hash && same(keys[entry], key)) {
        return entry;
      }
    }
  }

  /**
   * Returns the entry number of {@code key} if present; otherwise adds it and returns the new entry
   * number {@code e} encoded as {@code ~e} (negative), whose value the caller must set.
   */
  public final int add(K key) {
    int hash = hash(key);
    int mask = slots.length - 1;
    int slot = hash >>> shift;
    while (true) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        break;
      }
      if (hashes[entry] == hash && same(keys[entry], key)) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
    int entry = size;
    if (entry == keys.length) {
      grow();
      return add(key);
    }
    keys[entry] = key;
    hashes[entry] = hash;
    slots[slot] = entry + 1;
    size = entry + 1;
    return ~entry;
  }

  /** Removes every key, keeping the arrays for reuse. */
  public void clear() {
    if (size > 0) {
      Arrays.fill(slots, 0);
      Arrays.fill(keys, 0, size, null);
      size = 0;
    }
  }

  /** Makes the value arrays at least {@code capacity} long, keeping entries {@code 0..size()-1}. */
  protected abstract void growValues(int capacity);

  private void grow() {
    int capacity = keys.length * 2;
    keys = Arrays.copyOf(keys, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    growValues(capacity);
    slots = new int[capacity * 2];
    shift = Integer.numberOfLeadingZeros(slots.length - 1);
    int mask = slots.length - 1;
    for (int entry = 0; entry < size; entry++) {
      int slot = hashes[entry] >>> shift;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry + 1;
    }
  }

  /**
   * Fibonacci hashing: the high bits of hash code times the golden ratio. Keys routed to one reduce
   * partition share their hash code modulo the partition count, so the low bits alone would
   * collide.
   */
  private static int hash(Object key) {
    return key == null ? 0 : key.hashCode() * 0x9E3779B9;
  }

  private static boolean same(Object stored, Object key) {
    return stored == key || (stored != null && stored.equals(key));
  }
}
