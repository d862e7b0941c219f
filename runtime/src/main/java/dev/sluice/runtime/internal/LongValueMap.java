package dev.sluice.runtime.internal;

import java.util.Arrays;

/**
 * Keys to unboxed {@code long} values, in insertion order. Generated code stores {@code int},
 * {@code short}, {@code byte}, {@code char} and {@code boolean} values widened, and {@code double}
 * and {@code float} values as their raw bits, so one class serves every primitive.
 *
 * <p>Combining a value into the map costs one hash lookup:
 *
 * <pre>{@code
 * int e = map.add(key);
 * if (e < 0) map.set(~e, value); else map.set(e, reduce(map.get(e), value));
 * }</pre>
 *
 * <p><b>Threads:</b> as {@link KeyIndex}: one task at a time.
 *
 * @param <K> the key type
 */
public final class LongValueMap<K> extends KeyIndex<K> {

  private long[] values;

  /** An empty map sized for about {@code expectedKeys} keys before it grows. */
  public LongValueMap(int expectedKeys) {
    super(expectedKeys);
    values = new long[capacity()];
  }

  /** The value of entry {@code entry}. */
  public long get(int entry) {
    return values[entry];
  }

  /** Sets the value of entry {@code entry}. */
  public void set(int entry, long value) {
    values[entry] = value;
  }

  @Override
  protected void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }
}
