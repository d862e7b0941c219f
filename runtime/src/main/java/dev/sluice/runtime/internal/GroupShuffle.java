package dev.sluice.runtime.internal;

/**
 * The exchange of a grouping operator ({@code groupByKey}, {@code join}, {@code cogroup}): every
 * map task appends the pairs of each side to its own row of buffers, one buffer per reduce
 * partition; each reduce task then groups its column by key, left side before right, writer 0
 * first.
 *
 * <p><b>Threads:</b> map task {@code w} alone writes {@link #left(int) left row w} and {@link
 * #right(int) right row w}; reduce task {@code r} alone calls {@link #group(int) group(r)}.
 * <b>Progress:</b> no locks, no waiting. <b>Visibility:</b> the engine's queues order every map
 * task before every reduce task, and batches one after another. <b>Allocation:</b> buffers and
 * groups are made once and reused; per batch, one list per key and side (handed to user methods).
 *
 * @param <K> the key type
 * @param <V> the left value type
 * @param <W> the right value type
 */
public final class GroupShuffle<K, V, W> {

  private final PairBuffer<K, V>[][] left;
  private final PairBuffer<K, W>[][] right;
  private final KeyGroups<K, V, W>[] groups;

  /**
   * A shuffle from {@code leftWriters} and {@code rightWriters} map tasks (0 for a one-sided
   * grouping) to {@code readers} reduce tasks.
   */
  @SuppressWarnings("unchecked") // every element is set to a new buffer or groups below
  public GroupShuffle(int leftWriters, int rightWriters, int readers) {
    left = (PairBuffer<K, V>[][]) new PairBuffer<?, ?>[leftWriters][readers];
    right = (PairBuffer<K, W>[][]) new PairBuffer<?, ?>[rightWriters][readers];
    groups = (KeyGroups<K, V, W>[]) new KeyGroups<?, ?, ?>[readers];
    for (int r = 0; r < readers; r++) {
      for (int w = 0; w < leftWriters; w++) {
        left[w][r] = new PairBuffer<>();
      }
      for (int w = 0; w < rightWriters; w++) {
        right[w][r] = new PairBuffer<>();
      }
      groups[r] = new KeyGroups<>(16);
    }
  }

  /** Map task {@code writer}'s left buffers, one per reduce partition. */
  public PairBuffer<K, V>[] left(int writer) {
    return left[writer];
  }

  /** Map task {@code writer}'s right buffers, one per reduce partition. */
  public PairBuffer<K, W>[] right(int writer) {
    return right[writer];
  }

  /**
   * Groups column {@code reader} by key, emptying its buffers. The groups stay valid until the next
   * call for this reader.
   */
  public KeyGroups<K, V, W> group(int reader) {
    KeyGroups<K, V, W> grouped = groups[reader];
    grouped.clear();
    for (PairBuffer<K, V>[] row : left) {
      PairBuffer<K, V> buffer = row[reader];
      for (int i = 0, n = buffer.size(); i < n; i++) {
        grouped.addLeft(buffer.key(i), buffer.value(i));
      }
      buffer.clear();
    }
    for (PairBuffer<K, W>[] row : right) {
      PairBuffer<K, W> buffer = row[reader];
      for (int i = 0, n = buffer.size(); i < n; i++) {
        grouped.addRight(buffer.key(i), buffer.value(i));
      }
      buffer.clear();
    }
    return grouped;
  }
}
