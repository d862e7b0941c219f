package dev.sluice.api;

/**
 * Receives the records a {@code @FlatMap} method produces for one input record.
 *
 * <p>Generated code passes an emitter that pushes each record straight into the next operator, so
 * emitting costs a method call, not a collection. An emitter is valid only during the call it was
 * passed to; do not keep it.
 *
 * @param <T> the type of the records emitted
 */
@FunctionalInterface
public interface Emitter<T> {

  /** Sends {@code record} to the next operators. The record must not be changed afterwards. */
  void emit(T record);
}
