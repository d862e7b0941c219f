package dev.sluice.api;

import java.util.List;

/**
 * A {@link BatchSource} that can read a batch again after a crash, like Spark's file and Kafka
 * direct streams: what each batch reads is decided first, as a <em>plan</em> (the files, the offset
 * range, the position in a queue), and read from the plan.
 *
 * <p>With a checkpoint directory the runtime writes each batch's plan to its batch log, durably,
 * before the batch runs; after a restart it reads the batches that had not committed again from
 * their logged plans, and {@link #resume resumes} the source after the last logged plan. So every
 * record is in exactly one committed batch across any number of crashes. Without a checkpoint
 * directory the runtime calls {@link #nextBatch}, which plans and reads at once.
 *
 * <p><b>Threads:</b> every method is called by the runtime's driver thread, in batch order, never
 * concurrently.
 *
 * @param <T> the type of the records
 */
public interface ReplayableSource<T> extends BatchSource<T> {

  /**
   * Decides what the batch at {@code batchTimeMs} reads and moves the source past it, without
   * reading it. The plan must hold everything {@link #read} and {@link #resume} need, in a form
   * that a later version of the source still understands; it should be small (a list of names, an
   * offset range), since every batch logs one.
   */
  byte[] plan(long batchTimeMs) throws Exception;

  /**
   * Reads the records that {@code plan} names: the same records every time, also in another run of
   * the pipeline (which is why a plan names what to read and never holds a live position).
   */
  List<T> read(long batchTimeMs, byte[] plan) throws Exception;

  /**
   * Called once after a restart, before the first {@link #plan}, with the plan of the last batch
   * the previous runs logged: the source goes on right after it.
   */
  void resume(long batchTimeMs, byte[] lastPlan) throws Exception;

  /** Plans and reads the batch at {@code batchTimeMs} in one go. */
  @Override
  default List<T> nextBatch(long batchTimeMs) throws Exception {
    return read(batchTimeMs, plan(batchTimeMs));
  }
}
