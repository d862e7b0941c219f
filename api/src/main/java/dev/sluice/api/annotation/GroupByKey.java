package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups the values of each key within a batch: Spark's {@code groupByKey}. Every value is kept,
 * duplicates included.
 *
 * <pre>{@code
 * @GroupByKey(from = "pairs")
 * static KV<String, List<Long>> groups(String key, List<Long> values) {
 *   return KV.of(key, values);
 * }
 * }</pre>
 *
 * <p>Signature: {@code R name(K key, List<V> values)} over {@code KV<K, V>} records, called once
 * per key. The list is new for every call and may be kept; it prints as {@code [a, b]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface GroupByKey {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
