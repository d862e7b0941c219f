package dev.sluice.runtime.internal;

/**
 * One segment of a {@link PipelineProgram}: a run of fused stages between shuffle boundaries.
 *
 * @param name the stages it runs, for logs and metrics, such as {@code lines -> words -> pairs}
 * @param tasks how many tasks (partitions) it runs per batch
 */
public record SegmentSlot(String name, int tasks) {}
