package dev.sluice.test;

import dev.sluice.api.Batch;
import dev.sluice.api.Sink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What one output of a pipeline wrote, batch by batch, as plain lists: get it from {@link
 * PipelineTestDriver#output(String)}. Batches are counted from 0, the first batch the driver ran;
 * the records of a batch are in the order the pipeline computed them, partition by partition.
 *
 * <p>Like Spark, an output downstream of a window with a slide of {@code S} batches is written only
 * at batches {@code i} with {@code (i + 1) % S == 0}; at the others it is not written at all
 * ({@link #writtenAt} is false), which reads back here as an empty batch.
 *
 * <p><b>Threads:</b> the pipeline writes from a worker thread, one batch at a time; a test reads
 * from its own thread. Both lock this object, off the pipeline's hot path. <b>Visibility:</b> once
 * {@link PipelineTestDriver#advanceBatch()} returned, the batch it ran is here.
 *
 * @param <T> the type of the records
 */
public final class TestOutput<T> implements Sink<T> {

  private final String name;
  private final long firstBatchTime;
  private final long interval;
  private final LongSupplier completedBatches;
  private final Map<Long, List<T>> written = new TreeMap<>();

  /**
   * @param firstBatchTime the time of batch 0
   * @param interval the batch interval in ms
   * @param completedBatches how many batches the driver has run
   */
  TestOutput(String name, long firstBatchTime, long interval, LongSupplier completedBatches) {
    this.name = name;
    this.firstBatchTime = firstBatchTime;
    this.interval = interval;
    this.completedBatches = completedBatches;
  }

  /** The output's stage name. */
  public String name() {
    return name;
  }

  /**
   * The records written at batch {@code index}; empty if there were none or the output was not
   * written at that batch.
   *
   * @throws IllegalArgumentException if the batch has not run yet
   */
  public synchronized List<T> batch(long index) {
    checkRun(index);
    List<T> records = written.get(index);
    return records == null ? List.of() : records;
  }

  /**
   * Whether the output was written at batch {@code index}: always for an output written every
   * batch, only at its slide batches for a windowed one.
   *
   * @throws IllegalArgumentException if the batch has not run yet
   */
  public synchronized boolean writtenAt(long index) {
    checkRun(index);
    return written.containsKey(index);
  }

  /** Every batch run so far, in order, {@code batches().get(i)} being {@link #batch batch(i)}. */
  public synchronized List<List<T>> batches() {
    int count = Math.toIntExact(completedBatches.getAsLong());
    List<List<T>> batches = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      batches.add(batch(i));
    }
    return batches;
  }

  /**
   * The batches the output was written at, in order: the same as {@link #batches()} for an output
   * written every batch, only the slide batches for a windowed one.
   */
  public synchronized List<List<T>> writtenBatches() {
    return List.copyOf(written.values());
  }

  /** Every record written so far, batch after batch. */
  public synchronized List<T> records() {
    List<T> records = new ArrayList<>();
    for (List<T> batch : written.values()) {
      records.addAll(batch);
    }
    return records;
  }

  /** Keeps the batch's records; called by the pipeline. */
  @Override
  public synchronized void write(Batch<T> batch) {
    long index = Math.floorDiv(batch.time() - firstBatchTime, interval);
    written.put(index, Collections.unmodifiableList(batch.toList()));
  }

  @Override
  public String toString() {
    return "test output " + name;
  }

  private void checkRun(long index) {
    long completed = completedBatches.getAsLong();
    if (index < 0 || index >= completed) {
      String run = completed == 0 ? "no batch has" : "batches 0 to " + (completed - 1) + " have";
      throw new IllegalArgumentException(
          "output '" + name + "': batch " + index + " has not run; " + run);
    }
  }
}
