package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Spreads the records over a new number of partitions, round robin: Spark's {@code repartition(n)}.
 * The method is applied to each record first, as a {@code @Map} would be; return the record itself
 * to repartition only.
 *
 * <pre>{@code
 * @Repartition(from = "lines", partitions = 8)
 * static String spread(String line) { return line; }
 * }</pre>
 *
 * <p>Signature: {@code R name(T record)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Repartition {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();

  /** The number of partitions, at least 1. */
  int partitions();
}
