package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Objects;

/**
 * The keyed part of a {@code @ReduceByKey} stage: it reads {@code KV<K, V>} and produces {@code
 * KV<K, V>}, combining values with a function over {@link #function()} values.
 *
 * @param key {@code K}
 * @param value {@code V}, a reference type ({@code Long} for a {@code long} function)
 * @param function the value type the function declares: {@code V} or its primitive
 * @param partitions the number of reduce partitions; 0 means the pipeline's parallelism
 */
public record ReduceSpec(TypeName key, TypeName value, TypeName function, int partitions) {

  /** Checks the types are consistent. */
  public ReduceSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(function, "function");
    if (value.isPrimitive() || !function.box().equals(value)) {
      throw new IllegalArgumentException(
          "reduce function over " + function + " does not combine values " + value);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions < 0: " + partitions);
    }
  }

  /** How the combine buffers store values. */
  public ValueKind valueKind() {
    return ValueKind.of(function);
  }
}
