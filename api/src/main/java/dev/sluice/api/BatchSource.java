package dev.sluice.api;

import java.util.List;

/**
 * A source asked for the records of each batch at the batch time, like Spark Streaming's {@code
 * queueStream} and {@code textFileStream}.
 *
 * <p><b>Threads:</b> {@link #nextBatch} is called by the runtime's driver thread, once per batch,
 * in batch-time order, never concurrently. It should return quickly: a slow call delays the batch.
 *
 * @param <T> the type of the records
 */
public non-sealed interface BatchSource<T> extends Source<T> {

  /**
   * Returns the records of the batch at {@code batchTimeMs} (empty when there are none, never
   * {@code null}). The runtime does not change the returned list.
   */
  List<T> nextBatch(long batchTimeMs) throws Exception;
}
