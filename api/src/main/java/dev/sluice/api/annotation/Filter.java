package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the records for which the method returns {@code true}: Spark's {@code filter}.
 *
 * <pre>{@code
 * @Filter(from = "words")
 * static boolean nonEmpty(String word) { return !word.isEmpty(); }
 * }</pre>
 *
 * <p>Signature: {@code boolean name(T record)}; the output type is the input type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Filter {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
