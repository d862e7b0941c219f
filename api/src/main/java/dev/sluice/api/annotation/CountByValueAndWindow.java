package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts each distinct record over a sliding window: Spark's {@code countByValueAndWindow}. Emits
 * at every slide one record per value with a non-zero count in the window (counts are kept
 * incrementally, and zero counts dropped, as in Spark).
 *
 * <pre>{@code
 * @CountByValueAndWindow(from = "words", window = "30s", slide = "10s")
 * static KV<String, Long> recentCounts(String word, long count) { return KV.of(word, count); }
 * }</pre>
 *
 * <p>Signature: {@code R name(T value, long count)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CountByValueAndWindow {

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
