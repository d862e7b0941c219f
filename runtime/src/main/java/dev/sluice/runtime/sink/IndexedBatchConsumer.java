package dev.sluice.runtime.sink;

import java.util.List;

/**
 * What {@link Sinks#foreachBatch(IndexedBatchConsumer)} calls with each batch's time, index and
 * records: Spark's {@code foreachRDD} with Structured Streaming's batch id, to write idempotently
 * with.
 *
 * @param <T> the type of the records
 */
@FunctionalInterface
public interface IndexedBatchConsumer<T> {

  /**
   * Handles one batch. Called once per batch, also for an empty one, in batch-time order, by one
   * thread at a time.
   *
   * @param batchTime the batch time in milliseconds since the epoch
   * @param batchIndex how many batches ran before this one; with a checkpoint directory it goes on
   *     across restarts, and a batch run again after a crash has the same index (and time). The
   *     first batch's time is {@code batchTime - batchIndex * interval}.
   * @param records the batch's records, partition by partition; a new list each time
   * @throws Exception to fail the batch, which stops the pipeline
   */
  void accept(long batchTime, long batchIndex, List<T> records) throws Exception;
}
