package dev.sluice.runtime.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** The {@link SourceScheme}s installed on the class path, looked up when a URI needs one. */
final class SourceSchemes {

  private SourceSchemes() {}

  /** The provider of {@code scheme} (lower case), or {@code null}. */
  static SourceScheme find(String scheme) {
    for (SourceScheme provider : ServiceLoader.load(SourceScheme.class)) {
      if (provider.scheme().toLowerCase(Locale.ROOT).equals(scheme)) {
        return provider;
      }
    }
    return null;
  }

  /** {@code " (installed: kafka://)"}, or nothing when no module adds a scheme. */
  static String installed() {
    List<String> schemes = new ArrayList<>();
    for (SourceScheme provider : ServiceLoader.load(SourceScheme.class)) {
      schemes.add(provider.scheme() + "://");
    }
    return schemes.isEmpty() ? "" : " (installed: " + String.join(", ", schemes) + ")";
  }
}
