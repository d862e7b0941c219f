package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms each partition of each batch as a whole: Spark's {@code mapPartitions}. Useful to pay
 * a set-up cost once per partition rather than once per record.
 *
 * <pre>{@code
 * @MapPartitions(from = "lines")
 * static void numbered(List<String> partition, Emitter<String> out) {
 *   for (int i = 0; i < partition.size(); i++) out.emit(i + ":" + partition.get(i));
 * }
 * }</pre>
 *
 * <p>Signature: {@code void name(List<T> partition, Emitter<R> out)}. The list is read-only and
 * valid only during the call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MapPartitions {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
