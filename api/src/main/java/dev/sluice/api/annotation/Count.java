package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts the records of each batch: Spark's {@code count()}. Emits exactly one record per batch,
 * also for an empty batch (count 0), in one partition.
 *
 * <pre>{@code
 * @Count(from = "lines")
 * static long lineCount(long count) { return count; }
 * }</pre>
 *
 * <p>Signature: {@code R name(long count)}: the method turns the count into the record emitted.
 * Counts are combined on the map side.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Count {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
