package dev.sluice.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Records handed from the tasks of one segment to the tasks of a later one without keys: a writers
 * × readers matrix of lists. Used for {@code repartition} (each writer deals its records round
 * robin over the readers) and to materialize a stage's partitions for a union, a {@code
 * mapPartitions} or a {@code transform} that reads it (one reader column, partition {@code p} in
 * row {@code p}).
 *
 * <p><b>Threads:</b> writer task {@code w} alone uses {@link #row(int) row w} while its segment
 * runs; reader tasks only read lists, after every writer finished. <b>Progress:</b> no locks, no
 * waiting. <b>Visibility:</b> the engine's queues order every task of the writing segment before
 * every task of the reading one. <b>Allocation:</b> the lists are made once and reused; a row is
 * cleared by its writer before it writes the next batch, so a batch's records stay referenced until
 * the next batch.
 *
 * @param <T> the type of the records
 */
public final class RecordExchange<T> {

  private final Row<T>[] rows;

  /** An exchange from {@code writers} tasks to {@code readers} tasks. */
  @SuppressWarnings("unchecked") // every element is set to a new Row<T> below
  public RecordExchange(int writers, int readers) {
    rows = (Row<T>[]) new Row<?>[writers];
    for (int w = 0; w < writers; w++) {
      rows[w] = new Row<>(readers, w % readers);
    }
  }

  /** The number of writer tasks. */
  public int writers() {
    return rows.length;
  }

  /** The row writer task {@code writer} fills. */
  public Row<T> row(int writer) {
    return rows[writer];
  }

  /** The records writer {@code writer} sent to reader {@code reader}, in the order written. */
  public List<T> list(int writer, int reader) {
    return rows[writer].lists.get(reader);
  }

  /**
   * One writer's lists, one per reader.
   *
   * @param <T> the type of the records
   */
  public static final class Row<T> {
    private final List<ArrayList<T>> lists;
    private int next;

    private Row(int readers, int first) {
      lists = new ArrayList<>(readers);
      for (int r = 0; r < readers; r++) {
        lists.add(new ArrayList<>());
      }
      next = first;
    }

    /** Empties every list, before the writer writes a new batch. */
    public void clear() {
      for (int r = 0, n = lists.size(); r < n; r++) {
        lists.get(r).clear();
      }
    }

    /** Adds {@code record} to the list of reader 0: materializing one partition. */
    public void add(T record) {
      lists.get(0).add(record);
    }

    /**
     * Adds {@code record} to the next reader's list, round robin; the first record of writer {@code
     * w} goes to reader {@code w % readers}, so that writers do not all start at reader 0.
     */
    public void deal(T record) {
      lists.get(next).add(record);
      if (++next == lists.size()) {
        next = 0;
      }
    }
  }
}
