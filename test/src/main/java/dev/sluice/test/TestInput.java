package dev.sluice.test;

import dev.sluice.api.BatchSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The records a test feeds one input of a pipeline, batch by batch: what is added before {@link
 * PipelineTestDriver#advanceBatch()} is the input of that batch. Get it from {@link
 * PipelineTestDriver#input(String)}.
 *
 * <p>Records wait in a queue of upcoming batches: {@link #add} and {@link #addAll} add to the next
 * batch, {@link #addBatches} to the next batches, one collection each. A batch nothing was added to
 * is empty, as an interval without records is in Spark.
 *
 * <p><b>Threads:</b> a test adds from any thread; the pipeline's driver thread takes a batch when
 * the driver's clock closes it. Both sides lock this object, which is off the pipeline's hot path.
 * <b>Visibility:</b> records added before {@code advanceBatch()} are in the batch it runs.
 *
 * @param <T> the type of the records
 */
public final class TestInput<T> implements BatchSource<T> {

  private final String name;
  private final ArrayDeque<List<T>> upcoming = new ArrayDeque<>();

  TestInput(String name) {
    this.name = name;
  }

  /** The input's stage name. */
  public String name() {
    return name;
  }

  /** Adds {@code record} to the next batch; returns this input, for chaining. */
  public synchronized TestInput<T> add(T record) {
    batch(0).add(record);
    return this;
  }

  /** Adds {@code records} to the next batch, in order; returns this input. */
  public synchronized TestInput<T> addAll(Collection<? extends T> records) {
    batch(0).addAll(Objects.requireNonNull(records, "records"));
    return this;
  }

  /**
   * Adds the {@code i}-th collection of {@code batches} to the {@code i}-th upcoming batch, after
   * what was added to that batch already; an empty collection leaves its batch as it is. Returns
   * this input.
   */
  public synchronized TestInput<T> addBatches(List<? extends Collection<? extends T>> batches) {
    for (int i = 0; i < batches.size(); i++) {
      batch(i).addAll(Objects.requireNonNull(batches.get(i), "batch"));
    }
    return this;
  }

  /** How many records wait for the next batches. */
  public synchronized int pending() {
    int records = 0;
    for (List<T> batch : upcoming) {
      records += batch.size();
    }
    return records;
  }

  /** The next batch's records; empty when nothing was added for it. Called by the pipeline. */
  @Override
  public synchronized List<T> nextBatch(long batchTimeMs) {
    List<T> next = upcoming.poll();
    return next == null ? List.of() : Collections.unmodifiableList(next);
  }

  @Override
  public String describe() {
    return "test input " + name;
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The {@code offset}-th upcoming batch, made (empty) if it was not yet. */
  private List<T> batch(int offset) {
    while (upcoming.size() <= offset) {
      upcoming.add(new ArrayList<>());
    }
    Iterator<List<T>> batches = upcoming.iterator();
    for (int i = 0; i < offset; i++) {
      batches.next();
    }
    return batches.next();
  }
}
