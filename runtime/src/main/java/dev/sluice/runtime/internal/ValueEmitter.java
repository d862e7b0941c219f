package dev.sluice.runtime.internal;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;

/**
 * The emitter a {@code flatMapValues} method is given: pairs each value it emits with the key of
 * the record being transformed and passes the pair on. Generated code makes one per task and sets
 * the key before each call.
 *
 * <p><b>Threads:</b> one task at a time.
 *
 * @param <K> the key type
 * @param <U> the type of the values emitted
 */
public final class ValueEmitter<K, U> implements Emitter<U> {

  private final Emitter<KV<K, U>> next;
  private K key;

  /** An emitter passing {@code (key, value)} pairs to {@code next}. */
  public ValueEmitter(Emitter<KV<K, U>> next) {
    this.next = next;
  }

  /** Sets the key of the record whose values come next. */
  public void key(K key) {
    this.key = key;
  }

  @Override
  public void emit(U value) {
    next.emit(KV.of(key, value));
  }
}
