package dev.sluice.runtime.ui;

import com.sun.net.httpserver.HttpExchange;
import dev.sluice.runtime.monitor.BatchRecord;
import dev.sluice.runtime.monitor.Json;
import dev.sluice.runtime.monitor.MonitorState.Snapshot;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Serves one pipeline's page, its static files and its JSON API, below a prefix ({@code /} live,
 * {@code /runs/<id>/} in a history): {@code index.html}, {@code static/*}, {@code api/v1/pipeline},
 * {@code api/v1/batches[?status=active|completed|failed]}, {@code api/v1/batches/<time>}, {@code
 * api/v1/inputs}, {@code api/v1/stages}, {@code api/v1/checkpoints}.
 *
 * <p><b>Threads:</b> the server's executor threads, concurrently; the state is read through
 * snapshots.
 */
final class ApiRoutes {

  private final Supplier<Snapshot> state;

  /** Routes over the snapshots {@code state} gives, one per request. */
  ApiRoutes(Supplier<Snapshot> state) {
    this.state = state;
  }

  /** Answers {@code exchange} for {@code path}, the part after the prefix. */
  void handle(HttpExchange exchange, String path) throws IOException {
    if (path.isEmpty() || path.equals("index.html")) {
      Responses.resource(exchange, "index.html");
    } else if (path.startsWith("static/")) {
      Responses.resource(exchange, path.substring("static/".length()));
    } else if (path.startsWith("api/v1/")) {
      api(exchange, path.substring("api/v1/".length()));
    } else {
      Responses.notFound(exchange, path);
    }
  }

  private void api(HttpExchange exchange, String endpoint) throws IOException {
    Snapshot snapshot = state.get();
    switch (endpoint) {
      case "pipeline" -> Responses.json(exchange, Json.write(ApiDocuments.pipeline(snapshot)));
      case "batches" ->
          Responses.json(
              exchange, Json.write(ApiDocuments.batches(snapshot, query(exchange, "status"))));
      case "inputs" -> Responses.json(exchange, Json.write(ApiDocuments.inputs(snapshot)));
      case "stages" -> Responses.json(exchange, Json.write(ApiDocuments.stages(snapshot)));
      case "checkpoints" ->
          Responses.json(exchange, Json.write(ApiDocuments.checkpoints(snapshot)));
      default -> {
        if (endpoint.startsWith("batches/")) {
          batch(exchange, snapshot, endpoint.substring("batches/".length()));
        } else {
          Responses.notFound(exchange, "api/v1/" + endpoint);
        }
      }
    }
  }

  private void batch(HttpExchange exchange, Snapshot snapshot, String time) throws IOException {
    BatchRecord batch = null;
    try {
      batch = snapshot.batch(Long.parseLong(time));
    } catch (NumberFormatException e) {
      // answered below as not found
    }
    if (batch == null) {
      Responses.notFound(
          exchange,
          "batch "
              + time
              + " (only the last "
              + snapshot.finished().size()
              + " finished batches are kept)");
      return;
    }
    Responses.json(exchange, Json.write(ApiDocuments.batch(snapshot, batch)));
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }
}
