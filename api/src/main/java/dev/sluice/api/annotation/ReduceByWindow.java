package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reduces all records of a sliding window to one: Spark's {@code reduceByWindow}. Emits at every
 * slide the reduced value of the window, nothing for an empty window without an inverse.
 *
 * <pre>{@code
 * @ReduceByWindow(from = "lengths", window = "4s", slide = "2s")
 * static int longest(int a, int b) { return Math.max(a, b); }
 * }</pre>
 *
 * <p>Signature: {@code T name(T a, T b)} over records {@code T} (or its primitive). With an {@link
 * #inverse()} {@code T inverse(T a, T b)} the window is updated incrementally, and, as in Spark,
 * once a record was seen a value is emitted at every slide, also when the window is empty.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ReduceByWindow {

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

  /** The inverse function's method name ({@code T inverse(T a, T b)}), or empty for none. */
  String inverse() default "";
}
