package dev.sluice.runtime.sink;

import dev.sluice.api.Sink;

/** Factories for the built-in sinks. STUB: signatures are the contract. */
public final class Sinks {

  private Sinks() {}

  /** Prints the first 10 records of every batch to standard output, in Spark's format. */
  public static <T> Sink<T> print() {
    throw new UnsupportedOperationException("not written yet");
  }
}
