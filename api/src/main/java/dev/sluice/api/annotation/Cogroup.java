package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups two keyed streams together batch by batch: Spark's {@code cogroup}. Called once per key
 * present on either side, with every value of each side.
 *
 * <pre>{@code
 * @Cogroup(left = "clicks", right = "impressions")
 * static KV<String, KV<List<Click>, List<Impression>>> both(
 *     String adId, List<Click> clicks, List<Impression> impressions) {
 *   return KV.of(adId, KV.of(clicks, impressions));
 * }
 * }</pre>
 *
 * <p>Signature: {@code R name(K key, List<V> left, List<W> right)}; a side without values gets an
 * empty list. The lists are new for every call and print as {@code [a, b]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cogroup {

  /** The left stream, producing {@code KV<K, V>}. */
  String left();

  /** The right stream, producing {@code KV<K, W>}. */
  String right();

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
