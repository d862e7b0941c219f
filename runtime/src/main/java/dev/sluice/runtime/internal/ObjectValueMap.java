package dev.sluice.runtime.internal;

import java.util.Arrays;

/**
 * Keys to reference values, in insertion order; the boxed counterpart of {@link LongValueMap}, with
 * the same one-lookup combining protocol.
 *
 * <p><b>Threads:</b> as {@link KeyIndex}: one task at a time.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ObjectValueMap<K, V> extends KeyIndex<K> {

  private Object[] values;

  /** An empty map sized for about {@code expectedKeys} keys before it grows. */
  public ObjectValueMap(int expectedKeys) {
    super(expectedKeys);
    values = new Object[capacity()];
  }

  /** The value of entry {@code entry}. */
  @SuppressWarnings("unchecked") // only V values are ever stored
  public V get(int entry) {
    return (V) values[entry];
  }

  /** Sets the value of entry {@code entry}. */
  public void set(int entry, V value) {
    values[entry] = value;
  }

  @Override
  public void clear() {
    Arrays.fill(values, 0, size(), null);
    super.clear();
  }

  @Override
  protected void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }
}
