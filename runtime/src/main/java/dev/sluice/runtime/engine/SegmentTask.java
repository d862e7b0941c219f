package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.internal.PipelineProgram;

/** Task {@code partition} of segment {@code segment}: runs the program's fused loop for it. */
final class SegmentTask extends BatchTask {

  private final PipelineProgram program;
  private final int segment;
  private final int partition;

  SegmentTask(Completions completions, PipelineProgram program, int segment, int partition) {
    super(completions);
    this.program = program;
    this.segment = segment;
    this.partition = partition;
  }

  /** The segment this task belongs to. */
  int segment() {
    return segment;
  }

  @Override
  void execute(BatchRun run) {
    program.runTask(segment, partition, run);
  }

  @Override
  PipelineFailedException describe(String pipeline, long batchTime, Throwable failure) {
    return Failures.inSegment(pipeline, program.segments().get(segment).name(), batchTime, failure);
  }

  @Override
  public String toString() {
    return "task " + partition + " of segment " + segment;
  }
}
