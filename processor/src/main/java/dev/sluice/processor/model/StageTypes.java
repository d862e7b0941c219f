package dev.sluice.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * The record types of one stage, resolved by validation along the wiring.
 *
 * @param consumed the type of the records it reads (what its source produces), {@code null} for an
 *     input
 * @param produced the type of the records it produces, {@code null} for an output
 * @param key for a {@code @ReduceByKey}, {@code K} of the {@code KV<K, V>} it reads
 * @param value for a {@code @ReduceByKey}, {@code V} of the {@code KV<K, V>} it reads
 */
public record StageTypes(
    TypeMirror consumed, TypeMirror produced, TypeMirror key, TypeMirror value) {}
