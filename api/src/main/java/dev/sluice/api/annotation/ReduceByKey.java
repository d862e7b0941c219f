package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Merges the values of each key within a batch with an associative and commutative function:
 * Spark's {@code reduceByKey}.
 *
 * <pre>{@code
 * @ReduceByKey(from = "pairs")
 * static long counts(long a, long b) { return a + b; }
 * }</pre>
 *
 * <p>Signature: {@code V name(V a, V b)} where the input records are {@code KV<K, V>}; the output
 * records are {@code KV<K, V>}, one per key of the batch. {@code V} may be written as its primitive
 * type ({@code long} for {@code Long}) to keep values unboxed. Values are combined on the map side
 * before the shuffle.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ReduceByKey {

  /** The stage or stages this one reads; they produce {@code KV<K, V>}. */
  String[] from();

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
