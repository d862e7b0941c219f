package dev.sluice.runtime.sink;

import dev.sluice.api.Sink;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the sink URIs of the generated main's flags: {@code stdout} or {@code print:} (print), and
 * {@code file:///path/prefix[?suffix=ext]} (text files per batch), and the schemes modules install
 * ({@link SinkScheme}).
 */
final class SinkUri {

  private static final String USE = "use stdout, print: or file:///dir/prefix[?suffix=ext]";

  private SinkUri() {}

  /**
   * The sink {@code uri} names.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and what would be right
   */
  static <T> Sink<T> parse(String uri) {
    if (uri.equals("stdout") || uri.equals("print:")) {
      return Sinks.print();
    }
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("sink URI '" + uri + "' has no scheme; " + USE);
    }
    String scheme = uri.substring(0, colon);
    if (scheme.toLowerCase(Locale.ROOT).equals("file")) {
      return textFiles(uri);
    }
    SinkScheme installed = SinkSchemes.find(scheme.toLowerCase(Locale.ROOT));
    if (installed != null) {
      try {
        return installed.create(new URI(uri));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "sink URI '" + uri + "' is malformed: " + e.getMessage());
      }
    }
    throw new IllegalArgumentException(
        "unknown sink URI scheme '"
            + scheme
            + "' in '"
            + uri
            + "'; "
            + USE
            + SinkSchemes.installed());
  }

  private static <T> Sink<T> textFiles(String uri) {
    URI parsed;
    Path prefix;
    try {
      parsed = new URI(uri);
      prefix = Path.of(new URI(parsed.getScheme(), null, parsed.getPath(), null, null));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "file sink URI '"
              + uri
              + "' must name an absolute path prefix, such as "
              + "file:///out/counts?suffix=txt");
    }
    String query = parsed.getQuery();
    String suffix = "";
    if (query != null) {
      if (!query.startsWith("suffix=")) {
        throw new IllegalArgumentException(
            "file sink URI '"
                + uri
                + "' has an unknown parameter '"
                + query
                + "'; the only one is suffix, such as ?suffix=txt");
      }
      suffix = query.substring("suffix=".length());
    }
    if (parsed.getPath().endsWith("/")) {
      throw new IllegalArgumentException(
          "file sink URI '"
              + uri
              + "' must end with a name for the batch directories, such as "
              + "file:///out/counts");
    }
    return Sinks.saveAsTextFiles(prefix.toString(), suffix);
  }
}
