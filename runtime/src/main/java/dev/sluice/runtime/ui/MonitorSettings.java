package dev.sluice.runtime.ui;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a pipeline is watched: the web UI (on by default, on the loopback address, the first free
 * port from 4040 on), an event log directory (none by default) and Micrometer registries to send
 * the metrics to besides the UI's Prometheus endpoint.
 *
 * @param ui whether to serve the web UI and {@code /metrics}
 * @param host the address the UI binds; {@code 127.0.0.1} unless the user names another
 * @param port the UI's port, 0 for any free port, or {@link #FIRST_FREE_FROM_4040}
 * @param eventLog the directory to append the event log to, or {@code null}
 * @param registries more registries for the {@code sluice.*} meters
 */
public record MonitorSettings(
    boolean ui, String host, int port, Path eventLog, List<MeterRegistry> registries) {

  /** The port setting that takes the first free port from 4040 on, as Spark does. */
  public static final int FIRST_FREE_FROM_4040 = UiServer.FIRST_FREE;

  /** The loopback address, the UI's default host. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The defaults: the UI on 127.0.0.1 at the first free port from 4040, no event log. */
  public static final MonitorSettings DEFAULTS =
      new MonitorSettings(true, LOOPBACK, FIRST_FREE_FROM_4040, null, List.of());

  /** No UI, no event log, no registry: nothing watched. */
  public static final MonitorSettings NONE =
      new MonitorSettings(false, LOOPBACK, FIRST_FREE_FROM_4040, null, List.of());

  /** Checks the settings. */
  public MonitorSettings {
    Objects.requireNonNull(host, "host");
    if (port != FIRST_FREE_FROM_4040 && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("UI port must be 0-65535, was " + port);
    }
    registries = List.copyOf(registries);
  }

  /** These settings with the UI on or off. */
  public MonitorSettings withUi(boolean on) {
    return new MonitorSettings(on, host, port, eventLog, registries);
  }

  /** These settings with the UI's host. */
  public MonitorSettings withHost(String address) {
    return new MonitorSettings(ui, address, port, eventLog, registries);
  }

  /** These settings with the UI's port. */
  public MonitorSettings withPort(int number) {
    return new MonitorSettings(ui, host, number, eventLog, registries);
  }

  /** These settings with an event log in {@code directory}. */
  public MonitorSettings withEventLog(Path directory) {
    return new MonitorSettings(ui, host, port, directory, registries);
  }

  /** These settings with one more registry. */
  public MonitorSettings withRegistry(MeterRegistry registry) {
    List<MeterRegistry> more = new ArrayList<>(registries);
    more.add(Objects.requireNonNull(registry, "registry"));
    return new MonitorSettings(ui, host, port, eventLog, more);
  }
}
