package dev.sluice.runtime.sink;

import java.util.List;

/**
 * What {@link Sinks#foreachBatch} calls with each batch's records, like Spark Streaming's {@code
 * foreachRDD}. To see the partitions, implement {@link dev.sluice.api.Sink} instead.
 *
 * @param <T> the type of the records
 */
@FunctionalInterface
public interface BatchConsumer<T> {

  /**
   * Handles one batch. Called once per batch, also for an empty one, in batch-time order, by one
   * thread at a time.
   *
   * @param batchTime the batch time in milliseconds since the epoch
   * @param records the batch's records, partition by partition; a new list each time
   * @throws Exception to fail the batch, which stops the pipeline
   */
  void accept(long batchTime, List<T> records) throws Exception;
}
