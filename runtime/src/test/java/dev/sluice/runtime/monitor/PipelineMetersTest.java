package dev.sluice.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.metrics.CheckpointInfo.StageSize;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint, state and receiver error meters in Prometheus' exposition format, for known
 * events.
 */
class PipelineMetersTest {

  @Test
  void exposesCheckpointsAndTheStateOfEachStatefulStageAsOfTheLast() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineMeters meters = new PipelineMeters(registry);
    meters.onPipelineStarted(CheckpointEvents.running());
    meters.onCheckpointCompleted(
        CheckpointEvents.checkpoint(
            1,
            Duration.ofMillis(2),
            Duration.ofMillis(10),
            193,
            new StageSize("running", 3, 103),
            new StageSize("window", 4, 40)));
    meters.onCheckpointCompleted(
        CheckpointEvents.checkpoint(
            3,
            Duration.ofMillis(4),
            Duration.ofMillis(30),
            223,
            new StageSize("running", 5, 133),
            new StageSize("window", 2, 20)));

    assertEquals(
        """
        # HELP sluice_checkpoint_bytes Size of the last state snapshot's file
        # TYPE sluice_checkpoint_bytes gauge
        sluice_checkpoint_bytes{pipeline="Running"} 223.0
        # HELP sluice_checkpoint_copy_seconds How long the driver took to copy the state, \
        between two batches
        # TYPE sluice_checkpoint_copy_seconds summary
        sluice_checkpoint_copy_seconds_count{pipeline="Running"} 2
        sluice_checkpoint_copy_seconds_sum{pipeline="Running"} 0.006
        # HELP sluice_checkpoint_copy_seconds_max How long the driver took to copy the state, \
        between two batches
        # TYPE sluice_checkpoint_copy_seconds_max gauge
        sluice_checkpoint_copy_seconds_max{pipeline="Running"} 0.004
        # HELP sluice_checkpoint_write_seconds How long the log's writer took to encode, write and \
        force a snapshot
        # TYPE sluice_checkpoint_write_seconds summary
        sluice_checkpoint_write_seconds_count{pipeline="Running"} 2
        sluice_checkpoint_write_seconds_sum{pipeline="Running"} 0.04
        # HELP sluice_checkpoint_write_seconds_max How long the log's writer took to encode, write \
        and force a snapshot
        # TYPE sluice_checkpoint_write_seconds_max gauge
        sluice_checkpoint_write_seconds_max{pipeline="Running"} 0.03
        # HELP sluice_checkpoints_total State snapshots written to the checkpoint directory
        # TYPE sluice_checkpoints_total counter
        sluice_checkpoints_total{pipeline="Running"} 2.0
        # HELP sluice_state_bytes Encoded size of a stateful stage's state, as of the last checkpoint
        # TYPE sluice_state_bytes gauge
        sluice_state_bytes{pipeline="Running",stage="running"} 133.0
        sluice_state_bytes{pipeline="Running",stage="window"} 20.0
        # HELP sluice_state_entries Entries of a stateful stage's state (keys, or a window's \
        records), as of the last checkpoint
        # TYPE sluice_state_entries gauge
        sluice_state_entries{pipeline="Running",stage="running"} 5.0
        sluice_state_entries{pipeline="Running",stage="window"} 2.0
        """,
        registry
            .scrape()
            .lines()
            .filter(line -> line.contains("sluice_checkpoint") || line.contains("sluice_state"))
            .collect(Collectors.joining("\n", "", "\n")));
  }

  @Test
  void countsEveryReportedReceiverErrorFromTheRunningCounts() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineMeters meters = new PipelineMeters(registry);
    meters.onPipelineStarted(
        new PipelineInfo(
            "P",
            0,
            1000,
            Duration.ofSeconds(1),
            1,
            List.of(new PipelineInfo.Input("socket", "socket localhost:9999", true, 32768)),
            List.of(new PipelineInfo.Segment("socket -> print", 1, "")),
            List.of(new PipelineInfo.Output("print", 1))));
    meters.onReceiverError(new ReceiverError("P", "socket", 1200, "connection refused", 1));
    // two more came before the driver's next turn: only the newest is told, with the count
    meters.onReceiverError(new ReceiverError("P", "socket", 1900, "connection refused", 3));

    assertEquals(
        List.of("sluice_receiver_errors_total{input=\"socket\",pipeline=\"P\"} 3.0"),
        registry.scrape().lines().filter(l -> l.startsWith("sluice_receiver_errors")).toList());
  }
}
