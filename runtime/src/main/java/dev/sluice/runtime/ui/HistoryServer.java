package dev.sluice.runtime.ui;

import com.sun.net.httpserver.HttpExchange;
import dev.sluice.runtime.monitor.EventLogs;
import dev.sluice.runtime.monitor.EventLogs.Run;
import dev.sluice.runtime.monitor.Json;
import dev.sluice.runtime.monitor.MonitorState;
import dev.sluice.runtime.monitor.MonitorState.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the runs of an event log directory after the fact, each with the same page and JSON API as
 * the live UI: {@code /} lists the runs, {@code /api/v1/runs} as JSON, and {@code /runs/<id>/}
 * shows one. A run still being written is shown as far as it got and re-read when its log grows.
 *
 * <p><b>Threads:</b> {@link #start} and {@link #stop} from one thread; requests on the server's
 * pool, sharing a cache of replayed runs keyed by file, size and modification time (a concurrent
 * map; two requests may replay the same log at once, and either result is right).
 */
public final class HistoryServer {

  private final Path directory;
  private final UiServer server;
  private final Map<Path, Replayed> cache = new ConcurrentHashMap<>();

  private record Replayed(long size, FileTime modified, Snapshot snapshot) {}

  private HistoryServer(Path directory, String host, int port) throws IOException {
    // a checkpoint directory keeps its pipeline's event log in events/
    Path events = directory.resolve("events");
    this.directory = Files.isDirectory(events) ? events : directory;
    this.server = UiServer.start(host, port, "sluice-history", this::route);
  }

  /**
   * Serves {@code directory}, or its {@code events/} if it has one (a checkpoint directory), on
   * {@code host} and {@code port} (0 for any free port, {@link
   * MonitorSettings#FIRST_FREE_FROM_4040} for the first free one from 4040).
   *
   * @throws IOException if the port cannot be bound
   */
  public static HistoryServer start(Path directory, String host, int port) throws IOException {
    return new HistoryServer(directory, host, port);
  }

  /** Where it listens, such as {@code http://127.0.0.1:4040/}. */
  public URI address() {
    return server.address();
  }

  /** Stops serving. */
  public void stop() {
    server.stop();
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    if (path.isEmpty()) {
      Responses.html(exchange, HistoryIndex.html(directory, runs()));
    } else if (path.equals("api/v1/runs")) {
      Responses.json(exchange, Json.write(runs()));
    } else if (path.startsWith("static/")) {
      Responses.resource(exchange, path.substring("static/".length()));
    } else if (path.startsWith("runs/")) {
      String rest = path.substring("runs/".length());
      int slash = rest.indexOf('/');
      String id = slash < 0 ? rest : rest.substring(0, slash);
      Run run = find(id);
      if (run == null) {
        Responses.notFound(exchange, "run " + id);
      } else if (slash < 0) {
        exchange.getResponseHeaders().set("Location", "/runs/" + id + "/");
        exchange.sendResponseHeaders(301, -1);
      } else {
        Snapshot snapshot = replay(run);
        new ApiRoutes(() -> snapshot).handle(exchange, rest.substring(slash + 1));
      }
    } else {
      Responses.notFound(exchange, path);
    }
  }

  private List<Object> runs() throws IOException {
    List<Object> list = new ArrayList<>();
    for (Run run : EventLogs.list(directory)) {
      Snapshot snapshot = replay(run);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", run.id());
      item.put("pipeline", snapshot.pipeline() == null ? null : snapshot.pipeline().name());
      item.put("startTime", snapshot.pipeline() == null ? null : snapshot.pipeline().startTime());
      item.put(
          "status",
          run.inProgress() && snapshot.status().equals("running")
              ? "in progress"
              : snapshot.status());
      item.put("batchesCompleted", snapshot.totals().completedBatches());
      item.put("recordsProcessed", snapshot.totals().records());
      item.put("failure", snapshot.failure());
      list.add(item);
    }
    return list;
  }

  private Run find(String id) throws IOException {
    for (Run run : EventLogs.list(directory)) {
      if (run.id().equals(id)) {
        return run;
      }
    }
    return null;
  }

  private Snapshot replay(Run run) throws IOException {
    long size = Files.size(run.file());
    FileTime modified = Files.getLastModifiedTime(run.file());
    Replayed cached = cache.get(run.file());
    if (cached != null && cached.size() == size && cached.modified().equals(modified)) {
      return cached.snapshot();
    }
    Snapshot snapshot = EventLogs.replay(run.file(), MonitorState.DEFAULT_RETAINED).snapshot();
    cache.put(run.file(), new Replayed(size, modified, snapshot));
    return snapshot;
  }
}
