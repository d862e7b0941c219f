package dev.sluice.runtime.metrics;

import java.time.Duration;
import java.util.List;

/**
 * A state snapshot written to the checkpoint directory, with the size of every stateful stage's
 * state at that batch.
 *
 * @param pipeline the pipeline's name
 * @param batchIndex the batch after which the state was copied
 * @param batchTime that batch's time in ms
 * @param copyTime how long the driver took to copy the state between two batches: the only part of
 *     a snapshot on the batch loop
 * @param writeTime how long the batch log's writer took to encode, write and force it, overlapping
 *     with the next batches
 * @param bytes the size of the snapshot file
 * @param stages each stateful stage's state, in the order the pipeline declares them
 */
public record CheckpointInfo(
    String pipeline,
    long batchIndex,
    long batchTime,
    Duration copyTime,
    Duration writeTime,
    long bytes,
    List<StageSize> stages) {

  /** Copies the list, so that a listener may keep the record. */
  public CheckpointInfo {
    stages = List.copyOf(stages);
  }

  /**
   * The state of one stateful stage.
   *
   * @param stage the stage's name
   * @param entries its keys with state, or for a window the entries of every batch it holds
   * @param bytes the encoded size of its state
   */
  public record StageSize(String stage, long entries, long bytes) {}
}
