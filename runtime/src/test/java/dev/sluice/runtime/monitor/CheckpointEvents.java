package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.CheckpointInfo.StageSize;
import dev.sluice.runtime.metrics.PipelineInfo;
import java.time.Duration;
import java.util.List;

/**
 * Listener events of a pipeline shaped like the running count ({@code Running}: input {@code
 * lines}, stateful stage {@code running}, output {@code counts}), for tests of what monitoring
 * makes of checkpoints.
 */
public final class CheckpointEvents {

  private CheckpointEvents() {}

  /** The pipeline: started at 500, first batch at 1000, 1 s batches, parallelism 2. */
  public static PipelineInfo running() {
    return new PipelineInfo(
        "Running",
        500,
        1000,
        Duration.ofSeconds(1),
        2,
        List.of(new PipelineInfo.Input("lines", "batches (4)", false, 0)),
        List.of(
            new PipelineInfo.Segment("lines -> words", 2, ""),
            new PipelineInfo.Segment("running -> counts", 2, "")),
        List.of(new PipelineInfo.Output("counts", 1)));
  }

  /** A snapshot of {@code Running} after batch {@code index}, at {@code index + 1} seconds. */
  public static CheckpointInfo checkpoint(
      long index, Duration copy, Duration write, long bytes, StageSize... stages) {
    return new CheckpointInfo(
        "Running", index, 1000 * (index + 1), copy, write, bytes, List.of(stages));
  }
}
