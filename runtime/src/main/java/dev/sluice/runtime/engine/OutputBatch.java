package dev.sluice.runtime.engine;

import dev.sluice.api.Batch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The {@link Batch} a sink is given: one output's partitions of one batch, read-only.
 *
 * <p><b>Threads:</b> immutable once made; the lists it wraps are never touched again after their
 * segment completed, so it stays valid after {@code write} returns and may be read from any thread
 * the sink safely hands it to.
 *
 * @param <T> the type of the records
 */
final class OutputBatch<T> implements Batch<T> {

  private final long time;
  private final long index;
  private final List<List<T>> partitions;
  private final long count;

  /** Wraps {@code partitions} (not copied) as the batch at {@code time} of index {@code index}. */
  @SuppressWarnings("unchecked") // the program filled the lists with this output's type
  OutputBatch(long time, long index, List<?>[] partitions) {
    this.time = time;
    this.index = index;
    List<List<T>> views = new ArrayList<>(partitions.length);
    long count = 0;
    for (List<?> partition : partitions) {
      views.add(Collections.unmodifiableList((List<T>) partition));
      count += partition.size();
    }
    this.partitions = Collections.unmodifiableList(views);
    this.count = count;
  }

  @Override
  public long time() {
    return time;
  }

  @Override
  public long index() {
    return index;
  }

  @Override
  public int partitionCount() {
    return partitions.size();
  }

  @Override
  public List<T> partition(int index) {
    return partitions.get(index);
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public List<T> toList() {
    List<T> all = new ArrayList<>((int) Math.min(count, Integer.MAX_VALUE));
    for (List<T> partition : partitions) {
      all.addAll(partition);
    }
    return all;
  }

  /** Every record, partition by partition; the iterator cannot remove. */
  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private int partition;
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (partition == partitions.size()) {
            return false;
          }
          current = partitions.get(partition++).iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  @Override
  public String toString() {
    return "Batch[time="
        + time
        + ", index="
        + index
        + ", count="
        + count
        + ", partitions="
        + partitions.size()
        + "]";
  }
}
