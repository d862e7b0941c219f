package dev.sluice.runtime.source;

import dev.sluice.api.Source;

/** Factories for the built-in sources. STUB: signatures are the contract. */
public final class Sources {

  private Sources() {}

  /** The built-in demo input. */
  public static Source<String> demo() {
    throw new UnsupportedOperationException("not written yet");
  }

  /** UTF-8 lines from a TCP server, reconnecting when the connection drops. */
  public static Source<String> socketText(String host, int port) {
    throw new UnsupportedOperationException("not written yet");
  }
}
