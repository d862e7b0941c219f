package dev.sluice.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.CheckpointInfo.StageSize;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.monitor.BatchRecord.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorStateTest {

  private final MonitorState state = new MonitorState(3);

  @Test
  void followsABatchFromSubmittedToCompleted() {
    state.onPipelineStarted(pipeline());
    state.onBatchSubmitted(submitted(1000, 4));
    assertEquals(Status.QUEUED, state.snapshot().active().get(0).status());
    state.onBatchStarted("P", 1000, 1002);
    assertEquals(Status.PROCESSING, state.snapshot().active().get(0).status());
    state.onBatchCompleted(completed(1000, 4));
    MonitorState.Snapshot snapshot = state.snapshot();
    assertEquals(List.of(), snapshot.active());
    assertEquals(Status.COMPLETED, snapshot.finished().get(0).status());
    assertEquals(1, snapshot.totals().completedBatches());
    assertEquals(4, snapshot.totals().records());
    assertEquals(4, snapshot.totals().inputRecords("lines"));
  }

  @Test
  void keepsTheLastBatchesInDetailAndCountsThemAll() {
    state.onPipelineStarted(pipeline());
    for (long time = 1000; time <= 5000; time += 1000) {
      state.onBatchSubmitted(submitted(time, 1));
      state.onBatchStarted("P", time, time);
      state.onBatchCompleted(completed(time, 1));
    }
    MonitorState.Snapshot snapshot = state.snapshot();
    assertEquals(
        List.of(3000L, 4000L, 5000L),
        snapshot.finished().stream().map(BatchRecord::batchTime).toList());
    assertEquals(5, snapshot.totals().completedBatches());
    assertEquals(5, snapshot.totals().records());
    assertNull(snapshot.batch(1000));
  }

  @Test
  void aFailedBatchCarriesItsErrorAndThePipelineItsFailure() {
    state.onPipelineStarted(pipeline());
    state.onBatchSubmitted(submitted(1000, 2));
    state.onBatchStarted("P", 1000, 1000);
    state.onBatchFailed("P", 1000, "boom in stage 'words'");
    state.stopped("boom in stage 'words'");
    MonitorState.Snapshot snapshot = state.snapshot();
    assertEquals(Status.FAILED, snapshot.batch(1000).status());
    assertEquals("boom in stage 'words'", snapshot.batch(1000).error());
    assertEquals("failed", snapshot.status());
    assertEquals(1, snapshot.totals().failedBatches());
  }

  @Test
  void keepsTheLastCheckpointsAndTheStateSizesOfTheNewest() {
    state.onPipelineStarted(pipeline());
    assertNull(state.snapshot().lastCheckpoint());
    assertNull(state.snapshot().stateSize("words"));
    int written = MonitorState.RETAINED_CHECKPOINTS + 2;
    for (int i = 0; i < written; i++) {
      state.onCheckpointCompleted(
          new CheckpointInfo(
              "P",
              i,
              1000L * (i + 1),
              Duration.ofMillis(1),
              Duration.ofMillis(2),
              100 + i,
              List.of(new StageSize("words", i, 10L * i))));
    }
    MonitorState.Snapshot snapshot = state.snapshot();
    assertEquals(MonitorState.RETAINED_CHECKPOINTS, snapshot.checkpoints().size());
    assertEquals(2, snapshot.checkpoints().get(0).batchIndex(), "the oldest two were dropped");
    assertEquals(written, snapshot.checkpointsCompleted());
    assertEquals(1000L * written, snapshot.lastCheckpoint().batchTime());
    assertEquals(
        new StageSize("words", written - 1, 10L * (written - 1)), snapshot.stateSize("words"));
    assertNull(snapshot.stateSize("lines"), "a stage without state");
  }

  private static PipelineInfo pipeline() {
    return new PipelineInfo(
        "P",
        0,
        1000,
        Duration.ofSeconds(1),
        1,
        List.of(new PipelineInfo.Input("lines", "queue", false, 0)),
        List.of(new PipelineInfo.Segment("lines -> words", 1, "")),
        List.of(new PipelineInfo.Output("words", 1)));
  }

  private static BatchSubmitted submitted(long time, long records) {
    return new BatchSubmitted(
        "P",
        time,
        time,
        List.of(new BatchSubmitted.InputBatch("lines", records, Duration.ZERO, 0, false)));
  }

  private static BatchInfo completed(long time, long records) {
    return new BatchInfo(
        "P",
        time,
        records,
        Duration.ZERO,
        Duration.ofMillis(1),
        Duration.ofMillis(1),
        List.of(new BatchInfo.SegmentTime("lines -> words", Duration.ZERO)),
        List.of(new BatchInfo.InputRecords("lines", records, Duration.ZERO)),
        List.of(new BatchInfo.OutputTime("words", records, Duration.ZERO, true)));
  }
}
