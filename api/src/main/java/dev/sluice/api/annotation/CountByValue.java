package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts how often each distinct record occurs in each batch: Spark's {@code countByValue()}.
 *
 * <pre>{@code
 * @CountByValue(from = "words")
 * static KV<String, Long> wordCounts(String word, long count) { return KV.of(word, count); }
 * }</pre>
 *
 * <p>Signature: {@code R name(T value, long count)}: the method turns each (value, count) into the
 * record emitted; {@code KV.of(value, count)} gives Spark's {@code (value,count)} records. Counts
 * are combined on the map side.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CountByValue {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
