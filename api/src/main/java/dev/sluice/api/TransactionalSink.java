package dev.sluice.api;

/**
 * A {@link Sink} that takes part in the runtime's batch commit, so that each batch's records become
 * visible exactly once, also across crashes: a two-phase commit keyed by {@link Batch#index()}.
 *
 * <p>With a checkpoint directory, per batch the runtime calls {@link #prepare} (stage the records
 * durably, invisible to readers), writes and syncs the batch's commit record, then calls {@link
 * #commit}. A failed batch gets {@link #abort}. At start it calls {@link #recover} once, with the
 * last batch whose commit record is durable: the sink commits that batch if its own commit had not
 * happened yet and drops anything staged for later batches, which will be run again. Without a
 * checkpoint directory, {@link #write} prepares and commits at once.
 *
 * <p><b>Threads:</b> {@link #prepare} runs on a worker thread like {@link #write}; {@link
 * #recover}, {@link #commit} and {@link #abort} on the driver thread. Calls never overlap and each
 * happens-before the next.
 *
 * @param <T> the type of the records
 */
public interface TransactionalSink<T> extends Sink<T> {

  /**
   * At start, before any other call: {@code committedBatch} is the index of the last batch the
   * pipeline committed, or -1 if none. Make it visible if it was prepared and not yet committed,
   * and discard whatever was prepared for a later batch.
   */
  void recover(long committedBatch) throws Exception;

  /** Stages {@code batch} durably under its index, not yet visible. Replaces an earlier staging. */
  void prepare(Batch<T> batch) throws Exception;

  /** Makes the batch {@code batchIndex} staged by {@link #prepare} visible. Idempotent. */
  void commit(long batchIndex) throws Exception;

  /** Discards the staging of batch {@code batchIndex}, which failed. Idempotent. */
  default void abort(long batchIndex) throws Exception {}

  /** Prepares and commits at once: the path without a checkpoint directory. */
  @Override
  default void write(Batch<T> batch) throws Exception {
    prepare(batch);
    commit(batch.index());
  }
}
