package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms the value of each {@code KV<K, V>} record into zero or more values, each paired with
 * the record's key: Spark's {@code flatMapValues}.
 *
 * <pre>{@code
 * @FlatMapValues(from = "sentences")
 * static void words(String sentence, Emitter<String> out) {
 *   for (String w : sentence.split(" ")) out.emit(w);
 * }
 * }</pre>
 *
 * <p>Signature: {@code void name(V value, Emitter<U> out)}; the output records are {@code KV<K,
 * U>}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FlatMapValues {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
