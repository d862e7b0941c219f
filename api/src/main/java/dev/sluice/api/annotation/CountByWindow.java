package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts the records of a sliding window: Spark's {@code countByWindow}. As in Spark (an
 * incremental count), it emits nothing until the first record, then one count per slide, 0
 * included, in one partition.
 *
 * <pre>{@code
 * @CountByWindow(from = "lines", window = "30s", slide = "10s")
 * static long recentLines(long count) { return count; }
 * }</pre>
 *
 * <p>Signature: {@code R name(long count)}: the method turns the count into the record emitted.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CountByWindow {

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
