package dev.sluice.runtime.sink;

import dev.sluice.api.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A batch made of the given partitions; batch {@code index} of its pipeline. Public for the sink
 * tests of other modules, through the runtime's test jar.
 */
public record TestBatch<T>(long time, long index, List<List<T>> partitions) implements Batch<T> {

  @SafeVarargs
  public static <T> TestBatch<T> of(long time, List<T>... partitions) {
    List<List<T>> list = new ArrayList<>();
    for (List<T> partition : partitions) {
      list.add(partition); // copied element-wise: the varargs array itself must not escape
    }
    return new TestBatch<>(time, 0, list);
  }

  /** This batch as batch {@code index} of its pipeline. */
  public TestBatch<T> withIndex(long index) {
    return new TestBatch<>(time, index, partitions);
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
    return partitions.stream().mapToLong(List::size).sum();
  }

  @Override
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    partitions.forEach(all::addAll);
    return all;
  }

  @Override
  public Iterator<T> iterator() {
    return toList().iterator();
  }
}
