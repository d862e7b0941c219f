package dev.sluice.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * The record types of one stage, resolved by validation along the wiring.
 *
 * @param consumed the type of the records it reads (what its source produces), {@code null} for an
 *     input
 * @param produced the type of the records it produces, {@code null} for an output
 * @param key for a keyed operator, {@code K} of the {@code KV<K, V>} it reads
 * @param value for a keyed operator, {@code V} of the {@code KV<K, V>} it reads (the left side's)
 * @param right for a join or cogroup, {@code W} of the right side's {@code KV<K, W>}
 * @param state for a stateful stage, {@code S}, the state it keeps per key
 */
public record StageTypes(
    TypeMirror consumed,
    TypeMirror produced,
    TypeMirror key,
    TypeMirror value,
    TypeMirror right,
    TypeMirror state) {

  /** The types of a stage that keeps no state. */
  public StageTypes(
      TypeMirror consumed,
      TypeMirror produced,
      TypeMirror key,
      TypeMirror value,
      TypeMirror right) {
    this(consumed, produced, key, value, right, null);
  }

  /** The types of a stage that is not keyed. */
  public static StageTypes of(TypeMirror consumed, TypeMirror produced) {
    return new StageTypes(consumed, produced, null, null, null);
  }
}
