/**
 * The web UI of a pipeline: a small server on the JDK's {@code com.sun.net.httpserver} with a pool
 * of two daemon threads, serving the page (static HTML, CSS and JavaScript from the jar, charts
 * drawn on canvases, no library and no CDN), the JSON API under {@code /api/v1/} and the Prometheus
 * scrape at {@code /metrics}; and the history server, which serves logged runs the same way. See
 * docs/monitoring.md.
 *
 * <p><b>Threads:</b> requests run on the server's pool and only read snapshots of a {@link
 * dev.sluice.runtime.monitor.MonitorState}, so the UI changes nothing in the pipeline and holds its
 * driver up for at most the copy of a few references. <b>Security:</b> it binds the loopback
 * address unless told otherwise, answers only GET and HEAD, and has no authentication.
 */
package dev.sluice.runtime.ui;
