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

  /** The records of partition {@code partition} of input {@code input}; read-only. */
  <T> List<T> input(int input, int partition);

  /** The list that collects partition {@code partition} of output {@code output}. */
  <T> List<T> output(int output, int partition);
}
