package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms each record into zero or more records: Spark's {@code flatMap}.
 *
 * <pre>{@code
 * @FlatMap(from = "lines")
 * static void words(String line, Emitter<String> out) {
 *   for (String w : line.split(" ")) out.emit(w);
 * }
 * }</pre>
 *
 * <p>Signature: {@code void name(T record, Emitter<R> out)}; records are pushed straight into the
 * next operator, so no collection is built per record.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FlatMap {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
