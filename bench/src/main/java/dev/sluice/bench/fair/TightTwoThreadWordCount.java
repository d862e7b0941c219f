package dev.sluice.bench.fair;

import dev.sluice.runtime.internal.Partitioner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * WordCount on two threads, tight, in the two shapes a fair comparison needs:
 *
 * <ul>
 *   <li><b>serial merge</b>: each thread counts half the lines into its own reused map, then the
 *       calling thread merges the second map into the first;
 *   <li><b>parallel merge</b>, shaped like Sluice's two segments: each thread counts half the lines
 *       into two reused maps, one per key partition (Sluice's partitioner), then each thread merges
 *       one partition of both halves, so the merge runs on both threads too.
 * </ul>
 *
 * <p>The second thread is created once; a batch costs one hand-off per phase.
 *
 * <p><b>Threads:</b> {@link #count} and {@link #close} from one thread at a time.
 */
public final class TightTwoThreadWordCount implements AutoCloseable {

  private final boolean indexOf;
  private final boolean parallelMerge;
  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "tight-second-thread");
            thread.setDaemon(true);
            return thread;
          });

  private final TightWordCount first;
  private final TightWordCount second;

  /** Per half, per key partition: the parallel merge's maps, reused. */
  @SuppressWarnings("unchecked") // arrays of a generic map type
  private final HashMap<String, long[]>[][] parts = new HashMap[2][2];

  /** Per key partition, the merged counts. */
  @SuppressWarnings("unchecked") // arrays of a generic map type
  private final HashMap<String, long[]>[] merged = new HashMap[2];

  /** A counter with the given tokenizer and merge. */
  public TightTwoThreadWordCount(boolean indexOf, boolean parallelMerge) {
    this.indexOf = indexOf;
    this.parallelMerge = parallelMerge;
    this.first = new TightWordCount(indexOf);
    this.second = new TightWordCount(indexOf);
    for (int half = 0; half < 2; half++) {
      merged[half] = new HashMap<>(TightWordCount.CAPACITY / 2);
      for (int p = 0; p < 2; p++) {
        parts[half][p] = new HashMap<>(TightWordCount.CAPACITY / 2);
      }
    }
  }

  /** Counts {@code lines}; returns the number of words counted (the sum of all counts). */
  public long count(List<String> lines) throws InterruptedException {
    int half = lines.size() / 2;
    if (!parallelMerge) {
      Future<HashMap<String, long[]>> later =
          pool.submit(() -> second.count(lines, half, lines.size()));
      HashMap<String, long[]> into = first.count(lines, 0, half);
      merge(into, await(later));
      return TightWordCount.words(into);
    }
    Future<?> secondHalf = pool.submit(() -> countByPartition(lines, half, lines.size(), 1));
    countByPartition(lines, 0, half, 0);
    await(secondHalf);
    Future<?> secondPartition = pool.submit(() -> mergePartition(1));
    mergePartition(0);
    await(secondPartition);
    return TightWordCount.words(merged[0]) + TightWordCount.words(merged[1]);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private Object countByPartition(List<String> lines, int from, int to, int half) {
    HashMap<String, long[]>[] maps = parts[half];
    maps[0].clear();
    maps[1].clear();
    if (indexOf) {
      for (int i = from; i < to; i++) {
        String line = lines.get(i);
        int start = 0;
        for (int space = line.indexOf(' '); space >= 0; space = line.indexOf(' ', start)) {
          String word = line.substring(start, space);
          add(maps[Partitioner.partition(word, 2)], word);
          start = space + 1;
        }
        String word = line.substring(start);
        add(maps[Partitioner.partition(word, 2)], word);
      }
    } else {
      for (int i = from; i < to; i++) {
        for (String word : lines.get(i).split(" ")) {
          add(maps[Partitioner.partition(word, 2)], word);
        }
      }
    }
    return null;
  }

  private Object mergePartition(int partition) {
    HashMap<String, long[]> into = merged[partition];
    into.clear();
    merge(into, parts[0][partition]);
    merge(into, parts[1][partition]);
    return null;
  }

  private static void merge(HashMap<String, long[]> into, Map<String, long[]> from) {
    for (Map.Entry<String, long[]> entry : from.entrySet()) {
      long[] count = into.get(entry.getKey());
      if (count == null) {
        into.put(entry.getKey(), new long[] {entry.getValue()[0]});
      } else {
        count[0] += entry.getValue()[0];
      }
    }
  }

  private static void add(HashMap<String, long[]> map, String word) {
    long[] count = map.get(word);
    if (count == null) {
      map.put(word, new long[] {1});
    } else {
      count[0]++;
    }
  }

  private static <T> T await(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the second thread failed", e.getCause());
    }
  }
}
