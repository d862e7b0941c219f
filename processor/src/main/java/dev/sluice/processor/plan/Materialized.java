package dev.sluice.processor.plan;

import dev.sluice.processor.model.Stage;

/**
 * A stage whose records are kept per partition for a later segment that reads whole partitions: a
 * union, a {@code mapPartitions} or a {@code transform}.
 *
 * @param stage the stage
 * @param writer the index of the segment that computes and keeps its records
 */
public record Materialized(Stage stage, int writer) {}
