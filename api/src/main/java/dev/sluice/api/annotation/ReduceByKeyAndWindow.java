package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reduces the values of each key over a sliding window: Spark's {@code reduceByKeyAndWindow}. Emits
 * at every slide one record per key.
 *
 * <pre>{@code
 * @ReduceByKeyAndWindow(from = "pairs", window = "30s", slide = "10s", inverse = "minus")
 * static long windowCounts(long a, long b) { return a + b; }
 * static long minus(long a, long b) { return a - b; }
 * }</pre>
 *
 * <p>Signature: {@code V name(V a, V b)} over {@code KV<K, V>} records ({@code V} may be its
 * primitive). Without {@link #inverse()}, each batch is reduced per key and the window's per-batch
 * values are reduced at each slide; only keys present in the window appear. With an inverse {@code
 * V inverse(V a, V b)} (undoing {@code b}), the window is updated incrementally, adding the batches
 * that entered and removing those that left, and, as in Spark, every key ever seen stays (a count
 * at 0) unless a {@link #filter()} {@code boolean filter(K key, V value)} drops it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ReduceByKeyAndWindow {

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

  /** The inverse function's method name ({@code V inverse(V a, V b)}), or empty for none. */
  String inverse() default "";

  /**
   * The filter function's method name ({@code boolean filter(K key, V value)}), deciding which keys
   * stay in an incremental window; empty for none. Needs an {@link #inverse()}.
   */
  String filter() default "";

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
