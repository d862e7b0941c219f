package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The records of the last batches: Spark's {@code window(windowLength, slideInterval)}. At every
 * slide (batch {@code i} with {@code (i + 1) % slide == 0}, counted in batches) it emits every
 * record of batches {@code max(0, i - length + 1) .. i}, oldest batch first, records of a batch in
 * order; at other batches it emits nothing, and outputs reading it are not called.
 *
 * <pre>{@code
 * @Window(from = "lines", window = "30s", slide = "10s")
 * static String recent(String line) { return line; }
 * }</pre>
 *
 * <p>Signature: {@code R name(T record)}, called once per record as it enters the window (a map
 * before Spark's window; return the record to keep it as is). The window runs in one task, so that
 * records keep Spark's order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Window {

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
}
