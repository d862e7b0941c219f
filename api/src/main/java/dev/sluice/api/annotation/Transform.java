package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies a function to the whole batch at once: Spark's {@code transform}. The function may use
 * data the pipeline instance loaded at start-up (a reference table in a field), as instance methods
 * run on the one instance made with the no-argument constructor.
 *
 * <pre>{@code
 * @Transform(from = "clicks")
 * List<String> known(List<String> batch) {
 *   return batch.stream().filter(referenceTable::containsKey).toList();
 * }
 * }</pre>
 *
 * <p>Signature: {@code List<R> name(List<T> batch)} or {@code List<R> name(List<T> batch, long
 * batchTimeMs)}. The batch holds every record of the batch, partition by partition; the returned
 * records form one partition.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transform {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();
}
