package dev.sluice.runtime.source;

import dev.sluice.api.BoundedSource;
import dev.sluice.api.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text-source URIs of the generated main's flags: {@code socket://host:port}, {@code
 * file:///abs/dir}, {@code dir:relative/dir}, {@code files:paths} and {@code demo:}, and the
 * schemes modules install ({@link SourceScheme}); in a bounded run, only files.
 */
final class SourceUri {

  private static final String USE =
      "use socket://host:port, file:///dir, dir:path, files:paths or demo:";
  private static final String USE_BOUNDED =
      "a bounded run reads files:paths, file:///dir or dir:path (the files there now)";

  private SourceUri() {}

  /**
   * The source {@code uri} names.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and what would be right
   */
  static Source<String> parse(String uri, BatchSize batchSize) {
    int colon = colon(uri, USE);
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "files":
        return Sources.textFiles(paths(uri, colon), batchSize);
      case "socket":
        return socket(uri);
      case "file":
        return Sources.directory(filePath(uri));
      case "dir":
        return Sources.directory(relativePath(uri, colon));
      case "demo":
        if (colon != uri.length() - 1) {
          throw new IllegalArgumentException(
              "demo source URI takes nothing after 'demo:', was '" + uri + "'");
        }
        return Sources.demo();
      default:
        SourceScheme installed = SourceSchemes.find(scheme);
        if (installed != null) {
          return installed.create(uri(uri));
        }
        throw new IllegalArgumentException(
            "unknown source URI scheme '"
                + uri.substring(0, colon)
                + "' in '"
                + uri
                + "'; "
                + USE
                + SourceSchemes.installed());
    }
  }

  /**
   * The bounded source {@code uri} names: {@code files:paths}, or the files of a directory as they
   * are now.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and what would be right
   */
  static BoundedSource<String> parseBounded(String uri, BatchSize batchSize) {
    int colon = colon(uri, USE_BOUNDED);
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "files" -> Sources.textFiles(paths(uri, colon), batchSize);
      case "file" -> Sources.textFiles(FileSet.directory(directory(filePath(uri))), batchSize);
      case "dir" ->
          Sources.textFiles(FileSet.directory(directory(relativePath(uri, colon))), batchSize);
      default ->
          throw new IllegalArgumentException("source '" + uri + "' has no end; " + USE_BOUNDED);
    };
  }

  private static URI uri(String uri) {
    try {
      return new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "source URI '" + uri + "' is malformed: " + e.getMessage());
    }
  }

  private static int colon(String uri, String use) {
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("source URI '" + uri + "' has no scheme; " + use);
    }
    return colon;
  }

  private static String paths(String uri, int colon) {
    String paths = uri.substring(colon + 1);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException(
          "files source URI '" + uri + "' names no files, such as files:logs/*.txt");
    }
    return paths;
  }

  private static Path directory(Path path) {
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("no such directory: " + path);
    }
    return path;
  }

  private static Source<String> socket(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      parsed = null;
    }
    if (parsed == null
        || parsed.getHost() == null
        || parsed.getPort() < 0
        || !(parsed.getRawPath() == null || parsed.getRawPath().isEmpty())
        || parsed.getRawQuery() != null
        || parsed.getRawFragment() != null
        || parsed.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "socket source URI '"
              + uri
              + "' must be socket://host:port, such as "
              + "socket://localhost:9999");
    }
    String host = parsed.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // an IPv6 literal
    }
    return Sources.socketText(host, parsed.getPort());
  }

  private static Path filePath(String uri) {
    try {
      return Path.of(new URI(uri));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "file source URI '"
              + uri
              + "' must name an absolute directory, such as "
              + "file:///data/in; use dir:path for a relative one");
    }
  }

  private static Path relativePath(String uri, int colon) {
    String path = uri.substring(colon + 1);
    if (path.isEmpty()) {
      throw new IllegalArgumentException(
          "dir source URI '" + uri + "' names no directory, such as dir:data/in");
    }
    return Path.of(path);
  }
}
