package dev.sluice.api;

/**
 * Where the records of one output of a pipeline go: Spark Streaming's output operations.
 *
 * <p><b>Threads and order:</b> {@link #write} is called once per batch, also for an empty batch, in
 * batch-time order, by one thread at a time, after every record of that batch has been computed. A
 * batch's outputs are written in the order the outputs are declared.
 *
 * @param <T> the type of the records
 */
@FunctionalInterface
public interface Sink<T> {

  /** Writes one batch. An exception fails the batch and stops the pipeline. */
  void write(Batch<T> batch) throws Exception;

  /** Releases resources when the pipeline stops. Called once, after the last {@code write}. */
  default void close() throws Exception {}
}
