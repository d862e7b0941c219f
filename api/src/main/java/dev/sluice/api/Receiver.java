package dev.sluice.api;

/**
 * What a {@link ReceiverSource} hands its records to.
 *
 * <p><b>Threads:</b> only the thread running {@link ReceiverSource#receive} may call {@link
 * #store}. <b>Backpressure:</b> the receiver's queue is bounded; when it is full, {@code store}
 * blocks until the pipeline has room, so a slow pipeline slows its sources and never drops records.
 *
 * @param <T> the type of the records
 */
public interface Receiver<T> {

  /**
   * Stores one record, blocking while the pipeline's queue for this source is full.
   *
   * @throws ReceiverStoppedException if the pipeline stopped before the record could be stored; the
   *     record was not taken and the source should return from {@code receive}
   */
  void store(T record);

  /** Whether the pipeline is stopping and {@code receive} should return. */
  boolean isStopped();
}
