package dev.sluice.processor.validate;

import javax.lang.model.type.TypeMirror;

/**
 * What a stage method's signature alone says about its records; {@code null} where it says nothing,
 * the type then coming from the stage it reads.
 *
 * @param accepts the type of record the method takes (the record parameter), or for an
 *     {@code @Output} the type its sink writes
 * @param produces the type of record it produces ({@code @Input}, {@code @Map}, {@code @FlatMap})
 * @param function for a {@code @ReduceByKey}, the value type its function combines
 */
record Signature(TypeMirror accepts, TypeMirror produces, TypeMirror function) {}
