package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Joins two keyed streams batch by batch: Spark's {@code join}, {@code leftOuterJoin}, {@code
 * rightOuterJoin} and {@code fullOuterJoin}, chosen by {@link #kind}.
 *
 * <pre>{@code
 * @Join(left = "clicks", right = "impressions")
 * static KV<String, KV<Click, Impression>> attributed(String adId, Click c, Impression i) {
 *   return KV.of(adId, KV.of(c, i));
 * }
 * }</pre>
 *
 * <p>Signature: {@code R name(K key, V left, W right)} over {@code KV<K, V>} and {@code KV<K, W>},
 * called once per pair of a left and a right value of a key. A side that may be absent is an {@code
 * Optional}: {@code Optional<W> right} for {@code LEFT_OUTER}, {@code Optional<V> left} for {@code
 * RIGHT_OUTER}, both for {@code FULL_OUTER}. Returning {@code KV.of(key, KV.of(left, right))} gives
 * Spark's records, {@code (k,(v,w))}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Join {

  /** The left stream, producing {@code KV<K, V>}. */
  String left();

  /** The right stream, producing {@code KV<K, W>}. */
  String right();

  /** Inner (the default) or outer. */
  JoinKind kind() default JoinKind.INNER;

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
