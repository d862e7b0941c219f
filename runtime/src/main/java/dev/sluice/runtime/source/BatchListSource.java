package dev.sluice.runtime.source;

import dev.sluice.api.BoundedSource;
import dev.sluice.api.ReplayableSource;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One collection of a fixed list per batch, then empty batches: {@link Sources#batches} and {@link
 * Sources#collection}. Its plan is the position in the list, so a checkpointed pipeline given the
 * same list again after a crash replays exactly the batches it had not committed. It is bounded:
 * exhausted once the batches left, if any, are all empty.
 *
 * <p>Not thread-safe: the driver thread calls it. The collections are copied when the source is
 * made.
 *
 * @param <T> the type of the records
 */
final class BatchListSource<T> implements ReplayableSource<T>, BoundedSource<T> {

  private final List<List<T>> batches;
  private final int lastWithRecords;
  private final String description;
  private long next;

  BatchListSource(Collection<? extends Collection<T>> batches) {
    this(batches, "batches (" + batches.size() + ")");
  }

  /** The batches {@code batches}, described as {@code description}. */
  BatchListSource(Collection<? extends Collection<T>> batches, String description) {
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
    return read(batchTimeMs, plan(batchTimeMs));
  }

  @Override
  public byte[] plan(long batchTimeMs) {
    return ByteBuffer.allocate(8).putLong(next++).array();
  }

  @Override
  public List<T> read(long batchTimeMs, byte[] plan) {
    long position = ByteBuffer.wrap(plan).getLong();
    return position < batches.size() ? batches.get((int) position) : List.of();
  }

  @Override
  public void resume(long batchTimeMs, byte[] lastPlan) {
    next = ByteBuffer.wrap(lastPlan).getLong() + 1;
  }

  @Override
  public boolean exhausted() {
    return next > lastWithRecords;
  }

  @Override
  public String describe() {
    return description;
  }
}
