package dev.sluice.runtime.internal.window;

import dev.sluice.api.KV;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/**
 * What Spark Streaming emits per batch for each window operator, computed directly from the rules
 * in SEMANTICS.md over whole lists of batches, independently of the stores: each window is
 * recomputed from its batches. Element {@code i} of a result is {@code null} when nothing is
 * written at batch {@code i} (not a slide batch), else the window's output. Public, and published
 * in the runtime's test jar, so that the examples' semantics suite checks generated pipelines
 * against the same model.
 */
public final class WindowReference {

  private WindowReference() {}

  /** Whether batch {@code i} is a slide batch: Spark's zero time is one interval before 0. */
  public static boolean emits(int i, int slide) {
    return (i + 1) % slide == 0;
  }

  /** The batches of the window emitted at {@code i}: {@code max(0, i-length+1) .. i}. */
  public static <T> List<List<T>> windowBatches(List<List<T>> batches, int i, int length) {
    return batches.subList(Math.max(0, i - length + 1), i + 1);
  }

  /** {@code window(length, slide)}: every record of the window, batch after batch. */
  public static <T> List<List<T>> window(List<List<T>> batches, int length, int slide) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      if (!emits(i, slide)) {
        out.add(null);
        continue;
      }
      List<T> records = new ArrayList<>();
      windowBatches(batches, i, length).forEach(records::addAll);
      out.add(records);
    }
    return out;
  }

  /**
   * {@code reduceByKeyAndWindow(f, length, slide)} without an inverse: each batch reduced per key
   * in record order, then the window's per-batch values reduced in batch order; only keys present
   * in the window.
   */
  public static <K, V> List<Map<K, V>> reduceByKeyAndWindow(
      List<List<KV<K, V>>> batches, int length, int slide, BinaryOperator<V> f) {
    List<Map<K, V>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      if (!emits(i, slide)) {
        out.add(null);
        continue;
      }
      Map<K, V> window = new LinkedHashMap<>();
      for (List<KV<K, V>> batch : windowBatches(batches, i, length)) {
        reduceByKey(batch, f).forEach((k, v) -> window.merge(k, v, f));
      }
      out.add(window);
    }
    return out;
  }

  /**
   * {@code reduceByKeyAndWindow(+, -, length, slide, filter)} over longs, for {@code length >=
   * slide}: each key's value is the sum over the window; without a filter ({@code null}) every key
   * seen so far stays (at 0 once its records left); with one, the keys of the previous window and
   * those of the batches that entered, that pass the filter with their window sum.
   */
  public static <K> List<Map<K, Long>> sumByKeyAndWindow(
      List<List<KV<K, Long>>> batches, int length, int slide, BiPredicate<K, Long> filter) {
    List<Map<K, Long>> out = new ArrayList<>();
    Set<K> previous = new LinkedHashSet<>();
    for (int i = 0; i < batches.size(); i++) {
      if (!emits(i, slide)) {
        out.add(null);
        continue;
      }
      Map<K, Long> sums = new LinkedHashMap<>();
      for (List<KV<K, Long>> batch : windowBatches(batches, i, length)) {
        batch.forEach(kv -> sums.merge(kv.key(), kv.value(), Long::sum));
      }
      Set<K> candidates = new LinkedHashSet<>(previous);
      for (int b = Math.max(0, i - slide + 1); b <= i; b++) {
        batches.get(b).forEach(kv -> candidates.add(kv.key()));
      }
      Map<K, Long> window = new LinkedHashMap<>();
      for (K key : candidates) {
        long sum = sums.getOrDefault(key, 0L);
        if (filter == null || filter.test(key, sum)) {
          window.put(key, sum);
        }
      }
      previous = window.keySet();
      out.add(window);
    }
    return out;
  }

  /** {@code countByValueAndWindow(length, slide)}: counts in the window, zero counts dropped. */
  public static <T> List<Map<T, Long>> countByValueAndWindow(
      List<List<T>> batches, int length, int slide) {
    List<Map<T, Long>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      if (!emits(i, slide)) {
        out.add(null);
        continue;
      }
      Map<T, Long> counts = new LinkedHashMap<>();
      for (List<T> batch : windowBatches(batches, i, length)) {
        batch.forEach(r -> counts.merge(r, 1L, Long::sum));
      }
      out.add(counts);
    }
    return out;
  }

  /**
   * {@code countByWindow(length, slide)}: nothing until the first record has appeared, then the
   * window's record count at every slide, 0 included.
   */
  public static <T> List<List<Long>> countByWindow(List<List<T>> batches, int length, int slide) {
    List<List<Long>> out = new ArrayList<>();
    boolean seen = false;
    for (int i = 0; i < batches.size(); i++) {
      seen |= !batches.get(i).isEmpty();
      if (!emits(i, slide)) {
        out.add(null);
        continue;
      }
      long count = 0;
      for (List<T> batch : windowBatches(batches, i, length)) {
        count += batch.size();
      }
      out.add(seen ? List.of(count) : List.of());
    }
    return out;
  }

  /** {@code groupByKeyAndWindow(length, slide)}: each key's values of the window, in order. */
  public static <K, V> List<Map<K, List<V>>> groupByKeyAndWindow(
      List<List<KV<K, V>>> batches, int length, int slide) {
    List<Map<K, List<V>>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      if (!emits(i, slide)) {
        out.add(null);
        continue;
      }
      Map<K, List<V>> groups = new LinkedHashMap<>();
      windowBatches(batches, i, length)
          .forEach(
              b ->
                  b.forEach(
                      kv ->
                          groups
                              .computeIfAbsent(kv.key(), k -> new ArrayList<>())
                              .add(kv.value())));
      out.add(groups);
    }
    return out;
  }

  private static <K, V> Map<K, V> reduceByKey(List<KV<K, V>> batch, BinaryOperator<V> f) {
    Map<K, V> reduced = new LinkedHashMap<>();
    batch.forEach(kv -> reduced.merge(kv.key(), kv.value(), f));
    return reduced;
  }
}
