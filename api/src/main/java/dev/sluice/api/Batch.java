package dev.sluice.api;

import java.util.List;

/**
 * The records of one output for one batch, as computed: a list per partition.
 *
 * <p>A batch is immutable and stays valid after {@link Sink#write} returns.
 *
 * @param <T> the type of the records
 */
public interface Batch<T> extends Iterable<T> {

  /** The batch time in milliseconds since the epoch: the end of the batch's interval. */
  long time();

  /**
   * The batch's index: how many batches the pipeline ran before it, 0 for the first. With a
   * checkpoint directory the count goes on across restarts, and a batch run again after a crash has
   * the same index and time as before, so {@code (output, index)} identifies a batch's records for
   * an idempotent or transactional sink, like Structured Streaming's batch id.
   */
  long index();

  /** The number of partitions, some of which may be empty. */
  int partitionCount();

  /** The records of partition {@code index}, in the order they were computed. */
  List<T> partition(int index);

  /** The number of records over all partitions. */
  long count();

  /** Whether the batch has no records. */
  default boolean isEmpty() {
    return count() == 0;
  }

  /** All records, partition by partition, as one new list. */
  List<T> toList();
}
