package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reduces all records of each batch to one with an associative and commutative function: Spark's
 * {@code reduce}. Emits one record per batch in one partition, nothing for an empty batch.
 *
 * <pre>{@code
 * @Reduce(from = "lengths")
 * static int longest(int a, int b) { return Math.max(a, b); }
 * }</pre>
 *
 * <p>Signature: {@code T name(T a, T b)}; {@code T} may be primitive to stay unboxed. Combined on
 * the map side.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reduce {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
