package dev.sluice.runtime.internal;

import java.util.Arrays;

/**
 * Key-value pairs in the order they were added, in two parallel arrays: what one map task sends one
 * reduce task of a grouping shuffle ({@code groupByKey}, {@code join}, {@code cogroup}), which
 * keeps every value rather than combining them.
 *
 * <p><b>Threads:</b> as {@link KeyIndex}: one task at a time. {@link #clear()} keeps the arrays, so
 * a buffer reused batch after batch stops allocating once it has grown.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class PairBuffer<K, V> {

  private Object[] keys = new Object[16];
  private Object[] values = new Object[16];
  private int size;

  /** Appends the pair {@code (key, value)}. */
  public void add(K key, V value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
  }

  /** The number of pairs. */
  public int size() {
    return size;
  }

  /** The key of pair {@code index}. */
  @SuppressWarnings("unchecked") // only K values are stored in keys
  public K key(int index) {
    return (K) keys[index];
  }

  /** The value of pair {@code index}. */
  @SuppressWarnings("unchecked") // only V values are stored in values
  public V value(int index) {
    return (V) values[index];
  }

  /** Removes every pair, keeping the arrays. */
  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }
}
