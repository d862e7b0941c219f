package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms the value of each {@code KV<K, V>} record, keeping its key: Spark's {@code mapValues}.
 *
 * <pre>{@code
 * @MapValues(from = "pairs")
 * static String shown(long count) { return "n=" + count; }
 * }</pre>
 *
 * <p>Signature: {@code U name(V value)}; the output records are {@code KV<K, U>}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MapValues {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
