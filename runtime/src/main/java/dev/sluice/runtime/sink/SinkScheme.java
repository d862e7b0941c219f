package dev.sluice.runtime.sink;

import dev.sluice.api.Sink;
import java.net.URI;

/**
 * A sink URI scheme added by a module, such as {@code kafka://} by {@code sluice-kafka}, so that
 * the generated main's output flags and {@link Sinks#fromUri(String)} take it without the runtime
 * depending on that module.
 *
 * <p>Found with {@link java.util.ServiceLoader}: the module lists its implementation in {@code
 * META-INF/services/dev.sluice.runtime.sink.SinkScheme}. The built-in schemes come first; a module
 * cannot replace them.
 */
public interface SinkScheme {

  /** The scheme this provider reads, in lower case, such as {@code kafka}. */
  String scheme();

  /**
   * The sink {@code uri} names, for records of any type (written as text).
   *
   * @throws IllegalArgumentException if the URI is malformed, with a message saying what would be
   *     right
   */
  <T> Sink<T> create(URI uri);
}
