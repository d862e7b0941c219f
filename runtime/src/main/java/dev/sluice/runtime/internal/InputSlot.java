package dev.sluice.runtime.internal;

import dev.sluice.api.Source;

/**
 * One input of a {@link PipelineProgram}: the {@code @Input} stage's name and the source bound to
 * it. The engine cuts its records into the program's parallelism of partitions per batch.
 */
public record InputSlot(String name, Source<?> source) {}
