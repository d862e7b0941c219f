package dev.sluice.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values of each key of one reduce partition, on a left and a right side, keys numbered in
 * first-insertion order: the reduce side of {@code groupByKey} (left only), {@code join} and {@code
 * cogroup}.
 *
 * <p>The lists are new each batch, since generated code hands them to user methods that may keep
 * them in their records; {@link #clear()} drops them.
 *
 * <p><b>Threads:</b> as {@link KeyIndex}: one task at a time.
 *
 * @param <K> the key type
 * @param <V> the left value type
 * @param <W> the right value type
 */
public final class KeyGroups<K, V, W> extends KeyIndex<K> {

  private Object[] left;
  private Object[] right;

  /** Empty groups sized for about {@code expectedKeys} keys before they grow. */
  public KeyGroups(int expectedKeys) {
    super(expectedKeys);
    left = new Object[capacity()];
    right = new Object[capacity()];
  }

  /** Adds {@code value} to the left values of {@code key}. */
  public void addLeft(K key, V value) {
    int entry = entry(key);
    left[entry] = append(left[entry], value);
  }

  /** Adds {@code value} to the right values of {@code key}. */
  public void addRight(K key, W value) {
    int entry = entry(key);
    right[entry] = append(right[entry], value);
  }

  /** The left values of entry {@code entry}, in the order added; empty if none. */
  public List<V> left(int entry) {
    return values(left, entry);
  }

  /** The right values of entry {@code entry}, in the order added; empty if none. */
  public List<W> right(int entry) {
    return values(right, entry);
  }

  @Override
  public void clear() {
    Arrays.fill(left, 0, size(), null);
    Arrays.fill(right, 0, size(), null);
    super.clear();
  }

  @Override
  protected void growValues(int capacity) {
    left = Arrays.copyOf(left, capacity);
    right = Arrays.copyOf(right, capacity);
  }

  /** The entry of {@code key}, added if new (which may grow the value arrays). */
  private int entry(K key) {
    int entry = add(key);
    return entry < 0 ? ~entry : entry;
  }

  @SuppressWarnings("unchecked") // only lists of one side's values are stored
  private static Object append(Object list, Object value) {
    List<Object> values = (List<Object>) list;
    if (values == null) {
      values = new ArrayList<>(2);
    }
    values.add(value);
    return values;
  }

  @SuppressWarnings("unchecked") // only lists of this side's values are stored
  private static <T> List<T> values(Object[] side, int entry) {
    List<T> values = (List<T>) side[entry];
    return values == null ? List.of() : values;
  }
}
