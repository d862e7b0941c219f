package dev.sluice.runtime.internal.snapshot;

/**
 * A store of one partition of a stateful stage that can be copied into a snapshot and restored from
 * one: every state store and every window implements it.
 *
 * <p><b>Threads:</b> both methods run between batches, on the thread that owns the store then (the
 * driver, after the engine's queues published the last batch's writes to it).
 *
 * @param <K> the key type of the image
 * @param <V> the value type of the image
 */
public interface SnapshotState<K, V> {

  /** A copy of what the store holds; later batches do not change it. */
  PartitionImage<K, V> image();

  /**
   * Makes this store, which has seen no batch yet, hold what {@code image} holds.
   *
   * @throws IllegalStateException if the store has seen a batch
   */
  void restore(PartitionImage<K, V> image);
}
