package dev.sluice.runtime.ui;

import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.monitor.EventLog;
import dev.sluice.runtime.monitor.MonitorState;
import dev.sluice.runtime.monitor.PipelineMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one pipeline as its {@link MonitorSettings} say: folds its events into a {@link
 * MonitorState}, keeps its Micrometer meters, appends its event log, and serves the web UI, the
 * JSON API and {@code /metrics} while it runs. Made by {@code StreamingPipeline}; not an API.
 *
 * <p>The UI only reads what listeners are told, so it changes nothing in the pipeline; if its port
 * cannot be bound, the pipeline runs without it (logged). With the UI off and no registry of the
 * user's, nothing is folded or metered at all.
 *
 * <p>The UI outlives the pipeline's run, so that a stopped or failed pipeline can still be looked
 * at, until its owner is done with it: {@code StreamingPipeline} stops it when {@code
 * awaitTermination} returns or throws, and in {@code stop} and {@code close}.
 *
 * <p><b>Threads:</b> {@link #start} on the thread that starts the pipeline, after the engine (the
 * state already folds the events); the listeners on the driver thread; {@link #stop} from any
 * thread. Starting and stopping hold this object's lock, so a stop that comes first keeps the
 * server from starting. {@link #address} from any thread (volatile).
 */
public final class PipelineMonitor {

  private static final Logger log = LoggerFactory.getLogger(PipelineMonitor.class);

  private final String pipeline;
  private final MonitorSettings settings;
  private final MonitorState state = new MonitorState();
  private final PrometheusMeterRegistry prometheus =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<StreamingListener> listeners = new ArrayList<>();
  private volatile UiServer server;
  private JvmGcMetrics gcMetrics;
  private boolean stopped;

  /** A monitor of {@code pipeline}. */
  public PipelineMonitor(String pipeline, MonitorSettings settings) {
    this.pipeline = pipeline;
    this.settings = settings;
    CompositeMeterRegistry meters = new CompositeMeterRegistry();
    meters.add(prometheus);
    for (MeterRegistry registry : settings.registries()) {
      meters.add(registry);
    }
    if (settings.ui() || !settings.registries().isEmpty()) { // else nobody would read them
      listeners.add(state);
      listeners.add(new PipelineMeters(meters));
    }
    if (settings.eventLog() != null) {
      listeners.add(new EventLog(settings.eventLog()));
    }
  }

  /** The listeners to give the engine, in order. */
  public List<StreamingListener> listeners() {
    return List.copyOf(listeners);
  }

  /** Starts the UI server, if the settings want one, and logs its address. */
  public synchronized void start() {
    if (!settings.ui() || stopped) {
      return;
    }
    try {
      if (!InetAddress.getByName(settings.host()).isLoopbackAddress()) {
        log.warn(
            "The UI of {} listens on {}, not only on this machine: anyone who reaches it "
                + "sees the pipeline's figures (it has no authentication)",
            pipeline,
            settings.host());
      }
      ApiRoutes api = new ApiRoutes(state::snapshot);
      UiServer started =
          UiServer.start(
              settings.host(),
              settings.port(),
              "sluice-" + pipeline + "-ui",
              (exchange, path) -> {
                if (path.equals("metrics")) {
                  Responses.text(
                      exchange, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
                } else {
                  api.handle(exchange, path);
                }
              });
      server = started;
      bindJvmMetrics();
      log.info("UI of {} at {}", pipeline, started.address());
    } catch (IOException | RuntimeException e) {
      log.warn(
          "No UI for {}: cannot serve on {} port {}: {}",
          pipeline,
          settings.host(),
          settings.port() == MonitorSettings.FIRST_FREE_FROM_4040 ? "4040-4055" : settings.port(),
          e.toString());
    }
  }

  /**
   * The JVM's own meters (memory, GC, threads, classes, CPU, uptime) on the scrape, as Prometheus
   * users expect beside the pipeline's.
   */
  private void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(prometheus);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(prometheus);
    new JvmThreadMetrics().bindTo(prometheus);
    new ClassLoaderMetrics().bindTo(prometheus);
    new ProcessorMetrics().bindTo(prometheus);
    new UptimeMetrics().bindTo(prometheus);
  }

  /** Where the UI is served, while it is. */
  public Optional<URI> address() {
    UiServer running = server;
    return running == null ? Optional.empty() : Optional.of(running.address());
  }

  /** Stops the UI server, for good; idempotent, any thread. */
  public synchronized void stop() {
    stopped = true;
    if (gcMetrics != null) {
      gcMetrics.close(); // its GC notification listeners
      gcMetrics = null;
    }
    UiServer running = server;
    if (running != null) {
      server = null;
      running.stop();
    }
  }
}
