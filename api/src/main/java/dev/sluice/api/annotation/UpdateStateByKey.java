package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a state per key across batches: Spark's {@code updateStateByKey}. Every batch, the method
 * runs for every key that has state or new values, also when the key, or the whole batch, has no
 * new values (an empty list); returning {@code Optional.empty()} removes the key. Emits the full
 * state, {@code KV<K, S>} per key, every batch.
 *
 * <pre>{@code
 * @UpdateStateByKey(from = "pairs")
 * static Optional<Long> running(List<Long> newValues, Optional<Long> state) {
 *   long sum = state.orElse(0L);
 *   for (long v : newValues) sum += v;
 *   return Optional.of(sum);
 * }
 * }</pre>
 *
 * <p>Signature: {@code Optional<S> name(List<V> newValues, Optional<S> state)} over {@code KV<K,
 * V>} records; the records produced are {@code KV<K, S>}. Values of a key are in arrival order.
 * Keys with state are updated first, in the state's order, then new keys; compare outputs per key.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface UpdateStateByKey {

  /** The stage or stages this one reads; they produce {@code KV<K, V>}. */
  String[] from();

  /** The number of state partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
