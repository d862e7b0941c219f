package dev.sluice.processor.plan;

import dev.sluice.processor.model.Stage;

/**
 * The exchange in front of a {@code @ReduceByKey}: segment {@code writer} combines into it on the
 * map side, one row per writer task; segment {@code reader} merges one column per reader task.
 *
 * @param reduce the {@code @ReduceByKey} stage
 * @param writer the index of the segment that writes it
 * @param reader the index of the segment that reads it, which {@code reduce} heads
 */
public record Shuffle(Stage reduce, int writer, int reader) {}
