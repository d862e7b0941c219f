package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups the values of each key over a sliding window: Spark's {@code groupByKeyAndWindow}. Emits
 * at every slide one record per key of the window, with its values batch after batch, oldest first,
 * duplicates kept.
 *
 * <pre>{@code
 * @GroupByKeyAndWindow(from = "pairs", window = "4s", slide = "2s")
 * static KV<String, List<Long>> recent(String key, List<Long> values) {
 *   return KV.of(key, values);
 * }
 * }</pre>
 *
 * <p>Signature: {@code R name(K key, List<V> values)} over {@code KV<K, V>} records. The list is
 * new for every call and may be kept.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface GroupByKeyAndWindow {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();

  /**
   * The window length: a positive whole number followed by {@code ms}, {@code s}, {@code m} or
   * {@code h}, a multiple of the batch interval (and of the slide of the stream read).
   */
  String window();

  /**
   * How often the window is emitted, in the same syntax, a multiple of the batch interval; empty
   * (the default) means every batch.
   */
  String slide() default "";

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
