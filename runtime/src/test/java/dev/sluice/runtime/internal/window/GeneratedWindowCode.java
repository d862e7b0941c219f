package dev.sluice.runtime.internal.window;

import dev.sluice.api.KV;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.Partitioner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Drives the window stores the way generated code will: one store per key partition; every batch
 * (also an empty one) each record is combined into its key partition's current slot with the user's
 * reduce, in record order; at slide batches each partition's window is read out, and the partitions
 * together make the batch's output. Element {@code i} is {@code null} where the output is not
 * written.
 */
final class GeneratedWindowCode {

  private GeneratedWindowCode() {}

  /** reduceByKeyAndWindow without an inverse, long values. */
  static List<Map<String, Long>> reduceLongs(
      List<List<KV<String, Long>>> batches,
      int partitions,
      WindowSpec spec,
      LongBinaryOperator reduce) {
    List<LongWindowSlots<String>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new LongWindowSlots<>(spec, 4));
    }
    List<Map<String, Long>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      for (int p = 0; p < partitions; p++) {
        stores.get(p).batch(i);
      }
      for (KV<String, Long> kv : batches.get(i)) {
        LongValueMap<String> slot =
            stores.get(Partitioner.partition(kv.key(), partitions)).batch(i);
        combine(slot, kv.key(), kv.value(), reduce);
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      Map<String, Long> output = new LinkedHashMap<>();
      for (LongWindowSlots<String> store : stores) {
        read(store.reduceWindow(i, reduce), output);
      }
      out.add(output);
    }
    return out;
  }

  /** reduceByKeyAndWindow without an inverse, reference values. */
  static <V> List<Map<String, V>> reduceObjects(
      List<List<KV<String, V>>> batches,
      int partitions,
      WindowSpec spec,
      BinaryOperator<V> reduce) {
    List<ObjectWindowSlots<String, V>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new ObjectWindowSlots<>(spec, 4));
    }
    List<Map<String, V>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      for (KV<String, V> kv : batches.get(i)) {
        ObjectValueMap<String, V> slot =
            stores.get(Partitioner.partition(kv.key(), partitions)).batch(i);
        int e = slot.add(kv.key());
        slot.set(e < 0 ? ~e : e, e < 0 ? kv.value() : reduce.apply(slot.get(e), kv.value()));
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      Map<String, V> output = new LinkedHashMap<>();
      for (ObjectWindowSlots<String, V> store : stores) {
        ObjectValueMap<String, V> window = store.reduceWindow(i, reduce);
        for (int e = 0; e < window.size(); e++) {
          output.put(window.key(e), window.get(e));
        }
      }
      out.add(output);
    }
    return out;
  }

  /** reduceByKeyAndWindow with an inverse and an optional filter, long values. */
  static List<Map<String, Long>> inverseLongs(
      List<List<KV<String, Long>>> batches,
      int partitions,
      WindowSpec spec,
      LongBinaryOperator reduce,
      LongBinaryOperator inverse,
      LongKeyFilter<String> filter) {
    List<LongInverseWindow<String>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new LongInverseWindow<>(spec, reduce, inverse, filter, 4));
    }
    List<Map<String, Long>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      for (int p = 0; p < partitions; p++) {
        stores.get(p).batch(i);
      }
      for (KV<String, Long> kv : batches.get(i)) {
        LongValueMap<String> slot =
            stores.get(Partitioner.partition(kv.key(), partitions)).batch(i);
        combine(slot, kv.key(), kv.value(), reduce);
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      Map<String, Long> output = new LinkedHashMap<>();
      for (LongInverseWindow<String> store : stores) {
        read(store.slide(i), output);
      }
      out.add(output);
    }
    return out;
  }

  /** reduceByKeyAndWindow with an inverse and an optional filter, reference values. */
  static <V> List<Map<String, V>> inverseObjects(
      List<List<KV<String, V>>> batches,
      int partitions,
      WindowSpec spec,
      BinaryOperator<V> reduce,
      BinaryOperator<V> inverse,
      BiPredicate<String, V> filter) {
    List<ObjectInverseWindow<String, V>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new ObjectInverseWindow<>(spec, reduce, inverse, filter, 4));
    }
    List<Map<String, V>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      for (KV<String, V> kv : batches.get(i)) {
        ObjectValueMap<String, V> slot =
            stores.get(Partitioner.partition(kv.key(), partitions)).batch(i);
        int e = slot.add(kv.key());
        slot.set(e < 0 ? ~e : e, e < 0 ? kv.value() : reduce.apply(slot.get(e), kv.value()));
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      Map<String, V> output = new LinkedHashMap<>();
      for (ObjectInverseWindow<String, V> store : stores) {
        ObjectValueMap<String, V> window = store.slide(i);
        for (int e = 0; e < window.size(); e++) {
          output.put(window.key(e), window.get(e));
        }
      }
      out.add(output);
    }
    return out;
  }

  /** countByValueAndWindow: (record, 1) pairs, sum and difference, filter "count != 0". */
  static List<Map<String, Long>> countByValue(
      List<List<String>> batches, int partitions, WindowSpec spec) {
    return inverseLongs(
        pairsOfOne(batches),
        partitions,
        spec,
        Long::sum,
        (a, b) -> a - b,
        (key, count) -> count != 0);
  }

  /** countByWindow: every record counted under one key in one partition; emits the value. */
  static List<List<Long>> countByWindow(List<List<String>> batches, WindowSpec spec) {
    LongInverseWindow<Integer> store =
        new LongInverseWindow<>(spec, Long::sum, (a, b) -> a - b, null, 1);
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      LongValueMap<Integer> slot = store.batch(i);
      if (!batches.get(i).isEmpty()) {
        int e = slot.add(1);
        slot.set(e < 0 ? ~e : e, (e < 0 ? 0 : slot.get(e)) + batches.get(i).size());
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      LongValueMap<Integer> window = store.slide(i);
      out.add(window.size() == 0 ? List.of() : List.of(window.get(0)));
    }
    return out;
  }

  /**
   * window(): each input partition keeps its own slots; the output lists the window batch by batch,
   * and within a batch partition by partition, as Spark's union of the window's batches.
   */
  static List<List<String>> window(List<List<String>> batches, int partitions, WindowSpec spec) {
    List<RecordWindowSlots<String>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new RecordWindowSlots<>(spec));
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      List<String> batch = batches.get(i);
      for (int p = 0; p < partitions; p++) {
        int from = batch.size() * p / partitions;
        int to = batch.size() * (p + 1) / partitions;
        stores.get(p).batch(i).addAll(batch.subList(from, to));
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      List<String> output = new ArrayList<>();
      for (int k = 0, n = stores.get(0).batchesIn(i); k < n; k++) {
        for (RecordWindowSlots<String> store : stores) {
          output.addAll(store.batchIn(i, k));
        }
      }
      out.add(output);
    }
    return out;
  }

  /** groupByKeyAndWindow. */
  static List<Map<String, List<Long>>> group(
      List<List<KV<String, Long>>> batches, int partitions, WindowSpec spec) {
    List<GroupWindowSlots<String, Long>> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(new GroupWindowSlots<>(spec, 4));
    }
    List<Map<String, List<Long>>> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      for (GroupWindowSlots<String, Long> store : stores) {
        store.open(i);
      }
      for (KV<String, Long> kv : batches.get(i)) {
        stores.get(Partitioner.partition(kv.key(), partitions)).add(kv.key(), kv.value());
      }
      if (!spec.emitsAt(i)) {
        out.add(null);
        continue;
      }
      Map<String, List<Long>> output = new LinkedHashMap<>();
      for (GroupWindowSlots<String, Long> store : stores) {
        ObjectValueMap<String, List<Long>> window = store.groupWindow(i);
        for (int e = 0; e < window.size(); e++) {
          output.put(window.key(e), window.get(e));
        }
      }
      out.add(output);
    }
    return out;
  }

  /** Each record as {@code (record, 1)}. */
  static List<List<KV<String, Long>>> pairsOfOne(List<List<String>> batches) {
    List<List<KV<String, Long>>> pairs = new ArrayList<>();
    for (List<String> batch : batches) {
      pairs.add(batch.stream().map(r -> KV.of(r, 1L)).toList());
    }
    return pairs;
  }

  private static void combine(
      LongValueMap<String> slot, String key, long value, LongBinaryOperator reduce) {
    int e = slot.add(key);
    if (e < 0) {
      slot.set(~e, value);
    } else {
      slot.set(e, reduce.applyAsLong(slot.get(e), value));
    }
  }

  private static void read(LongValueMap<String> window, Map<String, Long> output) {
    for (int e = 0; e < window.size(); e++) {
      output.put(window.key(e), window.get(e));
    }
  }
}
