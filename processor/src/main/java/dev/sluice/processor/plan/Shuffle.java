package dev.sluice.processor.plan;

import dev.sluice.processor.model.Stage;

/**
 * The exchange in front of a stage that heads a segment of its own and reads another segment's
 * records through buffers: a keyed aggregation, a grouping operator or a repartition. Segment
 * {@code writer} (and for a join or cogroup, segment {@code rightWriter} for the right side) writes
 * it on the map side, one row per writer task; segment {@code reader} reads one column per task.
 *
 * @param reduce the stage reading the exchange
 * @param writer the index of the segment that writes it (the left side's for a join)
 * @param reader the index of the segment that reads it, which {@code reduce} heads
 * @param rightWriter the index of the segment writing a join's right side, otherwise -1
 */
public record Shuffle(Stage reduce, int writer, int reader, int rightWriter) {

  /** An exchange with one writing segment. */
  public Shuffle(Stage reduce, int writer, int reader) {
    this(reduce, writer, reader, -1);
  }
}
