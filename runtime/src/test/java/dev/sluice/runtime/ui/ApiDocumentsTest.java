package dev.sluice.runtime.ui;

import static dev.sluice.runtime.monitor.CheckpointEvents.checkpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.metrics.CheckpointInfo.StageSize;
import dev.sluice.runtime.monitor.CheckpointEvents;
import dev.sluice.runtime.monitor.Json;
import dev.sluice.runtime.monitor.MonitorState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint fields of the JSON API, exactly, for known checkpoint events: milliseconds with
 * microseconds as decimals, sizes in bytes.
 */
class ApiDocumentsTest {

  private final MonitorState state = new MonitorState();

  @Test
  void listsTheCheckpointsNewestFirstAndTheStateOfEachStageAsOfTheLast() {
    state.onPipelineStarted(CheckpointEvents.running());
    assertEquals("[]", Json.write(ApiDocuments.checkpoints(state.snapshot())));
    Map<String, Object> before = ApiDocuments.stages(state.snapshot());
    assertEquals(null, before.get("stateAsOf"));
    assertEquals(List.of(), before.get("state"));

    state.onCheckpointCompleted(
        checkpoint(
            1,
            Duration.ofNanos(1_500_000),
            Duration.ofNanos(12_345_678),
            193,
            new StageSize("running", 3, 103)));
    state.onCheckpointCompleted(
        checkpoint(
            3,
            Duration.ofNanos(250_000),
            Duration.ofMillis(20),
            223,
            new StageSize("running", 5, 133)));

    assertEquals(
        "[{\"batchTime\":4000,\"batchIndex\":3,\"copyMs\":0.250,\"writeMs\":20.000,\"bytes\":223,"
            + "\"stages\":[{\"name\":\"running\",\"entries\":5,\"bytes\":133}]},"
            + "{\"batchTime\":2000,\"batchIndex\":1,\"copyMs\":1.500,\"writeMs\":12.346,"
            + "\"bytes\":193,\"stages\":[{\"name\":\"running\",\"entries\":3,\"bytes\":103}]}]",
        Json.write(ApiDocuments.checkpoints(state.snapshot())));
    Map<String, Object> stages = ApiDocuments.stages(state.snapshot());
    assertEquals(4000L, stages.get("stateAsOf"));
    assertEquals(
        "[{\"name\":\"running\",\"entries\":5,\"bytes\":133}]", Json.write(stages.get("state")));
    assertEquals(
        "[{\"name\":\"lines\",\"kind\":\"input\",\"segment\":0,\"records\":0},"
            + "{\"name\":\"words\",\"kind\":\"stage\",\"segment\":0},"
            + "{\"name\":\"running\",\"kind\":\"stage\",\"segment\":1,"
            + "\"stateEntries\":5,\"stateBytes\":133},"
            + "{\"name\":\"counts\",\"kind\":\"output\",\"segment\":1,\"records\":0}]",
        Json.write(stages.get("nodes")));
    assertEquals(2L, ApiDocuments.pipeline(state.snapshot()).get("checkpointsCompleted"));
  }
}
