package dev.sluice.processor.model;

/**
 * What a user method declares it throws, which decides what generated code must catch to wrap every
 * failure of that method.
 */
public enum Throws {
  /** No checked exception: catching {@code RuntimeException} covers every exception. */
  UNCHECKED,
  /** Checked exceptions, all of them {@code Exception}s. */
  EXCEPTION,
  /** A checked {@code Throwable} that is not an {@code Exception}, such as {@code Throwable}. */
  THROWABLE
}
