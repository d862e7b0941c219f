package dev.sluice.runtime.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the UI server's responses: JSON, text, the page's files from the jar, and errors. Every
 * response says not to be cached, so the page always shows the pipeline as it is.
 *
 * <p><b>Threads:</b> stateless; the server's executor threads.
 */
final class Responses {

  private static final String STATIC = "/dev/sluice/runtime/ui/static/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private Responses() {}

  static void json(HttpExchange exchange, String json) throws IOException {
    send(exchange, 200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  static void text(HttpExchange exchange, String contentType, String text) throws IOException {
    send(exchange, 200, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  static void html(HttpExchange exchange, String html) throws IOException {
    send(exchange, 200, TYPES.get("html"), html.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the page's file {@code name} from the jar, or 404. */
  static void resource(HttpExchange exchange, String name) throws IOException {
    if (name.contains("..") || name.contains("/")) {
      notFound(exchange, name);
      return;
    }
    try (InputStream in = Responses.class.getResourceAsStream(STATIC + name)) {
      if (in == null) {
        notFound(exchange, name);
        return;
      }
      String extension = name.substring(name.lastIndexOf('.') + 1);
      send(
          exchange,
          200,
          TYPES.getOrDefault(extension, "application/octet-stream"),
          in.readAllBytes());
    }
  }

  static void notFound(HttpExchange exchange, String what) throws IOException {
    send(
        exchange,
        404,
        "text/plain; charset=utf-8",
        ("Not found: " + what + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
      exchange.sendResponseHeaders(status, -1); // headers only
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
