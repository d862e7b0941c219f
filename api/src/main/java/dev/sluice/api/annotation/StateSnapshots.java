package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The state of every key of a {@link MapWithState} stage, every batch: Spark's {@code
 * stateSnapshots()}. After the batch's calls and timeouts, the method runs once per key with state
 * and produces one record per call; a batch emits every key's state even when it had no records.
 *
 * <pre>{@code
 * @StateSnapshots(from = "track")
 * static KV<String, Session> sessions(String user, Session session) {
 *   return KV.of(user, session);
 * }
 * }</pre>
 *
 * <p>Signature: {@code R name(K key, S state)}, where {@code K} and {@code S} are the key and state
 * types of the {@code @MapWithState} stage it reads. Keys come in the state's order, not sorted;
 * compare snapshots as sets.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface StateSnapshots {

  /** The one {@code @MapWithState} stage whose states this stage reads. */
  String[] from();
}
