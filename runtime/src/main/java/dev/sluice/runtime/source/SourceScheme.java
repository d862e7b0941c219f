package dev.sluice.runtime.source;

import dev.sluice.api.Source;
import java.net.URI;

/**
 * A source URI scheme added by a module, such as {@code kafka://} by {@code sluice-kafka}, so that
 * the generated main's {@code --lines} and {@link Sources#fromUri(String)} take it without the
 * runtime depending on that module.
 *
 * <p>Found with {@link java.util.ServiceLoader}: the module lists its implementation in {@code
 * META-INF/services/dev.sluice.runtime.source.SourceScheme}. The built-in schemes come first; a
 * module cannot replace them.
 */
public interface SourceScheme {

  /** The scheme this provider reads, in lower case, such as {@code kafka}. */
  String scheme();

  /**
   * The text source {@code uri} names.
   *
   * @throws IllegalArgumentException if the URI is malformed, with a message saying what would be
   *     right
   */
  Source<String> create(URI uri);
}
