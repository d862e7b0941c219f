package dev.sluice.api;

/**
 * A key-value pair: the record type of keyed operators such as {@code @ReduceByKey}.
 *
 * <p>Prints as {@code (key,value)}, exactly like a Scala tuple in Spark Streaming's output, so that
 * {@code print()} output reads the same in both.
 *
 * @param key the key; may be {@code null}
 * @param value the value; may be {@code null}
 * @param <K> key type
 * @param <V> value type
 */
public record KV<K, V>(K key, V value) {

  /** Returns the pair {@code (key, value)}. */
  public static <K, V> KV<K, V> of(K key, V value) {
    return new KV<>(key, value);
  }

  @Override
  public String toString() {
    return "(" + key + "," + value + ")";
  }
}
