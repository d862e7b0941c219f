package dev.sluice.runtime.metrics;

import java.time.Duration;
import java.util.List;

/**
 * A batch whose interval ended: sealed with its records and queued for processing.
 *
 * @param pipeline the pipeline's name
 * @param batchTime the batch time in ms
 * @param submissionTime the clock's time when it was sealed, in ms
 * @param inputs what each input gave it, in declaration order
 */
public record BatchSubmitted(
    String pipeline, long batchTime, long submissionTime, List<InputBatch> inputs) {

  /** Copies the list. */
  public BatchSubmitted {
    inputs = List.copyOf(inputs);
  }

  /** The records of the batch over all inputs. */
  public long records() {
    long records = 0;
    for (InputBatch input : inputs) {
      records += input.records();
    }
    return records;
  }

  /**
   * One input's part of a batch and the state of its receiver.
   *
   * @param input the input's name
   * @param records how many records it gave the batch
   * @param receiverBlocked how long its receiver waited for room in its queue while the batch was
   *     collected: the backpressure it felt
   * @param queuePeak the most records its queue held at once while the batch was collected, as seen
   *     by the driver when it drained it; 0 for a source asked per batch
   * @param ended whether its receiver has ended (its later batches are empty)
   */
  public record InputBatch(
      String input, long records, Duration receiverBlocked, int queuePeak, boolean ended) {}
}
