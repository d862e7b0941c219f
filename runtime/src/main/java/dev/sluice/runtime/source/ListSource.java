package dev.sluice.runtime.source;

import dev.sluice.api.BoundedSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A fixed list of batches, one per batch, then empty batches: Spark's {@code queueStream} of a
 * queue filled in advance, and a bounded input.
 *
 * <p>Not thread-safe: {@link #nextBatch} and {@link #exhausted} are called by the driver thread
 * only. <b>Allocation:</b> the batches are copied once, when the source is made, so later changes
 * to the caller's collections do not show.
 *
 * @param <T> the type of the records
 */
final class ListSource<T> implements BoundedSource<T> {

  private final List<List<T>> batches;
  private final int lastWithRecords;
  private final String description;
  private int next;

  /** The batches {@code batches}, described as {@code description}. */
  ListSource(Collection<? extends Collection<T>> batches, String description) {
    List<List<T>> copies = new ArrayList<>(batches.size());
    int last = -1;
    for (Collection<T> batch : batches) {
      copies.add(Collections.unmodifiableList(new ArrayList<>(batch)));
      if (!batch.isEmpty()) {
        last = copies.size() - 1;
      }
    }
    this.batches = copies;
    this.lastWithRecords = last;
    this.description = description;
  }

  @Override
  public List<T> nextBatch(long batchTimeMs) {
    return next < batches.size() ? batches.get(next++) : List.of();
  }

  /** Whether the batches left, if any, are all empty. */
  @Override
  public boolean exhausted() {
    return next > lastWithRecords;
  }

  @Override
  public String describe() {
    return description;
  }
}
