package dev.sluice.runtime.engine;

import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link TaskContext} of one batch: each input cut into the pipeline's parallelism of
 * contiguous partitions, and a fresh list per output partition.
 *
 * <p>Partitions are {@code subList} views of the sealed records: cutting costs one small object per
 * partition, nothing per record, and keeps the records' order within each partition.
 *
 * <p><b>Threads:</b> made by the driver before the batch's first task is handed out (which
 * publishes it); tasks read every input partition and add only to the output lists of their own
 * partition; the output task reads them all after the last segment. <b>Allocation:</b> per batch,
 * one view per input partition and one list per output partition.
 */
final class BatchRun implements TaskContext {

  private final SealedBatch sealed;
  private final List<?>[][] inputs;
  private final List<?>[][] outputs;

  /** Cuts {@code sealed} into {@code partitions} partitions per input. */
  BatchRun(SealedBatch sealed, int partitions, List<OutputSlot> outputSlots) {
    this.sealed = sealed;
    this.inputs = new List<?>[sealed.inputs().size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = cut(sealed.inputs().get(i), partitions);
    }
    this.outputs = new List<?>[outputSlots.size()][];
    for (int o = 0; o < outputs.length; o++) {
      List<?>[] lists = new List<?>[outputSlots.get(o).partitions()];
      for (int p = 0; p < lists.length; p++) {
        lists[p] = new ArrayList<>();
      }
      outputs[o] = lists;
    }
  }

  /** The batch this run processes. */
  SealedBatch sealed() {
    return sealed;
  }

  @Override
  public long batchTime() {
    return sealed.time();
  }

  @Override
  public long batchIndex() {
    return sealed.index();
  }

  @SuppressWarnings("unchecked") // the program reads each input as the type it declared
  @Override
  public <T> List<T> input(int input, int partition) {
    return (List<T>) inputs[input][partition];
  }

  @SuppressWarnings("unchecked") // the program fills each output with the type it declared
  @Override
  public <T> List<T> output(int output, int partition) {
    return (List<T>) outputs[output][partition];
  }

  /** The partitions of output {@code output}; read only after its segment completed. */
  List<?>[] outputPartitions(int output) {
    return outputs[output];
  }

  /**
   * Partition {@code p} of {@code n} records holds {@code [n*p/partitions, n*(p+1)/partitions)}:
   * contiguous, in order, sizes differing by at most one.
   */
  static List<?>[] cut(List<?> records, int partitions) {
    List<?>[] views = new List<?>[partitions];
    long n = records.size();
    if (n == 0) {
      Arrays.fill(views, List.of());
      return views;
    }
    for (int p = 0; p < partitions; p++) {
      int from = (int) (n * p / partitions);
      int to = (int) (n * (p + 1) / partitions);
      views[p] = records.subList(from, to);
    }
    return views;
  }
}
