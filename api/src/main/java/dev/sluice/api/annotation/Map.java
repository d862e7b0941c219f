package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms each record into one record: Spark's {@code map}.
 *
 * <pre>{@code
 * @Map(from = "words")
 * static KV<String, Long> pairs(String word) { return KV.of(word, 1L); }
 * }</pre>
 *
 * <p>Signature: {@code R name(T record)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Map {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
