/**
 * What the monitoring is built from: a pipeline's listener events folded into a {@link
 * dev.sluice.runtime.monitor.MonitorState} (never read from the engine's objects), the same events
 * as Micrometer meters ({@link dev.sluice.runtime.monitor.PipelineMeters}) and as an append-only
 * event log ({@link dev.sluice.runtime.monitor.EventLog}) that {@link
 * dev.sluice.runtime.monitor.EventLogs} replays into the same state after the run.
 *
 * <p><b>Threads:</b> events arrive on the pipeline's driver thread, one at a time; readers (the UI
 * server's threads, a metrics scrape) see the state through snapshots taken under its lock or
 * through Micrometer's thread-safe meters. Nothing here is on the per-record path: the work is per
 * batch.
 *
 * <p>Public for the {@code ui} package, the history server and tools that read event logs; the
 * listener events in {@code dev.sluice.runtime.metrics} and the JSON API are the stable surface,
 * these classes are not.
 */
package dev.sluice.runtime.monitor;
