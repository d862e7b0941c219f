package dev.sluice.runtime.internal;

import java.util.List;

/**
 * What one task of a batch sees: the batch's input partitions and the lists it fills for outputs.
 *
 * <p><b>Threads:</b> a task may read any input partition but may add only to the output lists of
 * its own partition.
 */
public interface TaskContext {

  /** The batch time in milliseconds. */
  long batchTime();

  /**
   * The index of the batch since the pipeline started: 0 for the first batch, then one more per
   * batch interval (every interval is a batch, also an empty one). Windows and state count in
   * batches from it, like Spark, whose "zero time" is one interval before batch 0: a window of
   * slide {@code S} batches is emitted at batch {@code i} when {@code (i + 1) % S == 0}.
   */
  long batchIndex();

  /** The records of partition {@code partition} of input {@code input}; read-only. */
  <T> List<T> input(int input, int partition);

  /** The list that collects partition {@code partition} of output {@code output}. */
  <T> List<T> output(int output, int partition);
}
