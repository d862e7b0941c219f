package dev.sluice.runtime.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** The {@link SinkScheme}s installed on the class path, looked up when a URI needs one. */
final class SinkSchemes {

  private SinkSchemes() {}

  /** The provider of {@code scheme} (lower case), or {@code null}. */
  static SinkScheme find(String scheme) {
    for (SinkScheme provider : ServiceLoader.load(SinkScheme.class)) {
      if (provider.scheme().toLowerCase(Locale.ROOT).equals(scheme)) {
        return provider;
      }
    }
    return null;
  }

  /** {@code " (installed: kafka://)"}, or nothing when no module adds a scheme. */
  static String installed() {
    List<String> schemes = new ArrayList<>();
    for (SinkScheme provider : ServiceLoader.load(SinkScheme.class)) {
      schemes.add(provider.scheme() + "://");
    }
    return schemes.isEmpty() ? "" : " (installed: " + String.join(", ", schemes) + ")";
  }
}
