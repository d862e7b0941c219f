package dev.sluice.api;

/**
 * A source that pushes records from a thread of its own, like Spark Streaming's receivers.
 *
 * <p>The runtime calls {@link #receive} once on a dedicated thread. Every record handed to {@link
 * Receiver#store} lands in the batch whose interval is open when the runtime takes it from the
 * receiver's queue. When the pipeline stops, the runtime calls {@link #stop()} from another thread
 * and interrupts the receiving thread; {@code receive} should then return promptly.
 *
 * @param <T> the type of the records
 */
public non-sealed interface ReceiverSource<T> extends Source<T> {

  /**
   * Receives records until the source is exhausted or {@code receiver.isStopped()}. Returning ends
   * this input; the pipeline keeps running with empty batches for it. An exception is reported as a
   * failure of this input and stops the pipeline.
   */
  void receive(Receiver<T> receiver) throws Exception;

  /**
   * How the write-ahead log stores this source's records, or {@code null} (the default) if they
   * cannot be stored. With a checkpoint directory, a receiver's records are written to the log as
   * they are taken from it, so that after a crash every record that was taken goes into exactly one
   * committed batch; without a codec, those of batches that had not committed are lost.
   */
  default Codec<T> recordCodec() {
    return null;
  }

  /**
   * Asks a running {@link #receive} to return, for instance by closing its socket. Called from a
   * thread other than the receiving one; must not block.
   */
  default void stop() {}
}
