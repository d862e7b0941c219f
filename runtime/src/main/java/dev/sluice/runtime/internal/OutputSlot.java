package dev.sluice.runtime.internal;

import dev.sluice.api.Sink;

/**
 * One output of a {@link PipelineProgram}: the {@code @Output} stage's name, the sink bound to it,
 * and how many partitions its records arrive in (the task count of the segment that fills it).
 */
public record OutputSlot(String name, Sink<?> sink, int partitions) {}
