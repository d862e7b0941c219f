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

  /**
   * Reports a problem the source gets over by itself, such as a refused connection it retries or a
   * line it skips, as Spark's {@code Receiver.reportError}: the pipeline goes on, and its
   * monitoring shows the input's last error with its time and counts them. To fail the pipeline
   * instead, throw from {@code receive}. The pipeline does not log it; the source logs what it
   * wants to.
   *
   * <p>Any thread; cheap (no lock, no I/O), but meant for problems, not for every record.
   *
   * @param message what went wrong, for a person
   * @param cause the exception behind it, or {@code null}
   */
  default void reportError(String message, Throwable cause) {}
}
