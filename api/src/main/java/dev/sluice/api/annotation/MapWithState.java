package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a state per key and maps every record with it: Spark's {@code mapWithState} with a {@code
 * StateSpec.function}. The method runs once per {@code KV<K, V>} record read, in record order
 * within a key, with the key, the value and the key's {@link dev.sluice.api.State} handle, and each
 * call produces one record; a batch without records for a key makes no call for it.
 *
 * <pre>{@code
 * @MapWithState(from = "events", timeout = "30s")
 * static String track(String user, Optional<Event> event, State<Session> state) {
 *   if (state.isTimingOut()) return user + " ended " + state.get();
 *   Session session = state.getOption().orElse(Session.start(event.get())).seen(event.get());
 *   state.update(session);
 *   return user + " " + session;
 * }
 * }</pre>
 *
 * <p>Signature: {@code R name(K key, Optional<V> value, State<S> state)}, the shape of Spark's Java
 * {@code Function3<K, Optional<V>, State<S>, R>}; {@code value} is present for every call with a
 * record and empty only for a timeout call.
 *
 * <p>Timeouts, as in Spark: with a {@link #timeout()}, a key whose state was not written (by a call
 * that updated it or left it in place) for longer than the timeout gets one last call with an empty
 * value and {@code state.isTimingOut()} true, after which its state is removed. Spark looks for
 * idle keys only at its full-scan batches, the batches where the state stream is checkpointed:
 * every {@link #fullScanBatches()} batches, ten by default (batch {@code i} with {@code (i + 1) %
 * fullScanBatches == 0}), so a key may outlive its timeout by up to that many batches.
 *
 * <p>The stage's state of every key, each batch, is read by a {@link StateSnapshots} stage.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MapWithState {

  /** The stage or stages this one reads; they produce {@code KV<K, V>}. */
  String[] from();

  /**
   * The idle timeout, such as {@code "10m"} (a whole number followed by {@code ms}, {@code s},
   * {@code m} or {@code h}): Spark's {@code StateSpec.timeout}. Empty: keys never time out.
   */
  String timeout() default "";

  /**
   * Every how many batches idle keys are looked for: Spark's checkpoint interval of the state
   * stream in batch intervals ({@code stateStream.checkpoint(batchInterval * n)}), 10 by default.
   */
  int fullScanBatches() default 10;

  /** The number of state partitions; 0 means the pipeline's parallelism. */
  int partitions() default 0;
}
