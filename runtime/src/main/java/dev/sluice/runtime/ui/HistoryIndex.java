package dev.sluice.runtime.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The history server's front page: a table of the runs in the event log directory, newest first,
 * each linking to its UI.
 *
 * <p><b>Threads:</b> stateless; any thread.
 */
final class HistoryIndex {

  private HistoryIndex() {}

  /** The page for {@code runs}, as {@code /api/v1/runs} lists them. */
  @SuppressWarnings("unchecked") // the runs' JSON objects
  static String html(Path directory, List<Object> runs) {
    StringBuilder rows = new StringBuilder();
    for (Object item : runs) {
      Map<String, Object> run = (Map<String, Object>) item;
      Object start = run.get("startTime");
      rows.append("<tr><td><a href=\"runs/")
          .append(escape(run.get("id")))
          .append("/\">")
          .append(escape(run.get("pipeline")))
          .append("</a></td><td>")
          .append(start == null ? "" : Instant.ofEpochMilli((Long) start).toString())
          .append("</td><td class=\"num\">")
          .append(run.get("batchesCompleted"))
          .append("</td><td class=\"num\">")
          .append(run.get("recordsProcessed"))
          .append("</td><td><span class=\"status ")
          .append(escape(run.get("status")))
          .append("\">")
          .append(escape(run.get("status")))
          .append("</span></td><td class=\"error-cell\">")
          .append(run.get("failure") == null ? "" : escape(run.get("failure")))
          .append("</td></tr>\n");
    }
    if (runs.isEmpty()) {
      rows.append("<tr><td colspan=\"6\">No event logs yet. Run a pipeline with --event-log ")
          .append(escape(directory))
          .append(".</td></tr>");
    }
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sluice history</title>
        <link rel="stylesheet" href="static/sluice.css">
        <link rel="icon" href="static/favicon.svg" type="image/svg+xml"></head>
        <body><header class="bar"><a class="brand" href="./"><span class="logo">≋</span> Sluice</a>
        <span class="pipeline-name">History</span></header><main>
        <p class="summary">Runs logged in <code>%s</code>, newest first.</p>
        <table class="grid" id="runs"><thead><tr><th>Pipeline</th><th>Started</th>
        <th class="num">Batches</th><th class="num">Records</th><th>Status</th><th>Failure</th>
        </tr></thead><tbody>
        %s</tbody></table></main></body></html>
        """
        .formatted(escape(directory), rows);
  }

  private static String escape(Object value) {
    return String.valueOf(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
