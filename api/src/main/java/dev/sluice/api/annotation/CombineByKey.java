package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Aggregates the values of each key within a batch into a combiner of another type: Spark's {@code
 * combineByKey}. The annotated method merges two combiners; {@link #createCombiner} and {@link
 * #mergeValue} name two more methods of the pipeline class.
 *
 * <pre>{@code
 * @CombineByKey(from = "pairs", createCombiner = "first", mergeValue = "add")
 * static long sums(long a, long b) { return a + b; }
 * static long first(int value) { return value; }
 * static long add(long sum, int value) { return sum + value; }
 * }</pre>
 *
 * <p>Signatures over {@code KV<K, V>} records: {@code C name(C a, C b)}, {@code C create(V value)},
 * {@code C mergeValue(C combiner, V value)}; the output records are {@code KV<K, C>}. {@code C} may
 * be primitive to stay unboxed. Values are combined on the map side.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CombineByKey {

  /** The stage or stages this one reads; several stages of the same type are read as a union. */
  String[] from();

  /** The method making a combiner of a key's first value: {@code C create(V value)}. */
  String createCombiner();

  /** The method adding a value to a combiner: {@code C mergeValue(C combiner, V value)}. */
  String mergeValue();

  /** The number of reduce partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
