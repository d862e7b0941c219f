package dev.sluice.runtime.internal.window;

/**
 * The filter function of an incremental window with {@code long} values: whether a key stays in the
 * window with its new window value. Generated code implements it with a call to the user's method.
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface LongKeyFilter<K> {

  /** Whether {@code key}, whose window value is now {@code value}, stays. */
  boolean test(K key, long value);
}
