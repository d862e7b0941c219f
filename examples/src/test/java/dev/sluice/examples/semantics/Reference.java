package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Spark's per-batch operators written plainly over one batch's lists (SEMANTICS.md), independent of
 * the engine: what each batch's output must hold, as sorted texts where Spark's order is
 * unspecified.
 */
final class Reference {

  private Reference() {}

  /** {@code k:v} lines to pairs. */
  static List<KV<String, String>> pairs(List<String> lines) {
    return lines.stream()
        .map(l -> KV.of(l.substring(0, l.indexOf(':')), l.substring(l.indexOf(':') + 1)))
        .toList();
  }

  /** Values by key, keys sorted, values in order. */
  static <V> Map<String, List<V>> byKey(List<KV<String, V>> pairs) {
    Map<String, List<V>> groups = new TreeMap<>();
    for (KV<String, V> pair : pairs) {
      groups.computeIfAbsent(pair.key(), k -> new ArrayList<>()).add(pair.value());
    }
    return groups;
  }

  /** {@code join}: every pair of a left and a right value of a key. */
  static <V, W> List<String> join(List<KV<String, V>> left, List<KV<String, W>> right) {
    List<Object> out = new ArrayList<>();
    Map<String, List<W>> rights = byKey(right);
    byKey(left)
        .forEach(
            (k, vs) -> {
              for (V v : vs) {
                for (W w : rights.getOrDefault(k, List.of())) {
                  out.add(KV.of(k, KV.of(v, w)));
                }
              }
            });
    return Harness.sorted(out);
  }

  /** {@code leftOuterJoin}, {@code rightOuterJoin} or {@code fullOuterJoin}. */
  static <V, W> List<String> outer(
      List<KV<String, V>> left, List<KV<String, W>> right, boolean keepLeft, boolean keepRight) {
    List<Object> out = new ArrayList<>();
    Map<String, List<V>> lefts = byKey(left);
    Map<String, List<W>> rights = byKey(right);
    Map<String, Boolean> keys = new LinkedHashMap<>();
    lefts.keySet().forEach(k -> keys.put(k, true));
    rights.keySet().forEach(k -> keys.put(k, true));
    for (String k : keys.keySet()) {
      List<V> vs = lefts.getOrDefault(k, List.of());
      List<W> ws = rights.getOrDefault(k, List.of());
      List<Object> ls = new ArrayList<>();
      vs.forEach(v -> ls.add(keepRight ? Optional.of(v) : v));
      List<Object> rs = new ArrayList<>();
      ws.forEach(w -> rs.add(keepLeft ? Optional.of(w) : w));
      if (vs.isEmpty() && keepRight) {
        ls.add(Optional.empty());
      }
      if (ws.isEmpty() && keepLeft) {
        rs.add(Optional.empty());
      }
      for (Object l : ls) {
        for (Object r : rs) {
          out.add(KV.of(k, KV.of(l, r)));
        }
      }
    }
    return Harness.sorted(out);
  }

  /** {@code cogroup}, with each side's values sorted. */
  static <V, W> List<String> cogroup(List<KV<String, V>> left, List<KV<String, W>> right) {
    Map<String, List<V>> lefts = byKey(left);
    Map<String, List<W>> rights = byKey(right);
    Map<String, Boolean> keys = new TreeMap<>();
    lefts.keySet().forEach(k -> keys.put(k, true));
    rights.keySet().forEach(k -> keys.put(k, true));
    List<Object> out = new ArrayList<>();
    for (String k : keys.keySet()) {
      out.add(
          KV.of(
              k,
              KV.of(
                  Harness.sorted(lefts.getOrDefault(k, List.of())),
                  Harness.sorted(rights.getOrDefault(k, List.of())))));
    }
    return Harness.sorted(out);
  }

  /** {@code groupByKey}, each key's values sorted (duplicates kept). */
  static <V> List<String> groupByKey(List<KV<String, V>> pairs) {
    List<Object> out = new ArrayList<>();
    byKey(pairs).forEach((k, vs) -> out.add(KV.of(k, Harness.sorted(vs))));
    return Harness.sorted(out);
  }

  /** {@code countByValue}. */
  static List<String> countByValue(List<String> records) {
    Map<String, Long> counts = new TreeMap<>();
    records.forEach(r -> counts.merge(r, 1L, Long::sum));
    List<Object> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(KV.of(k, n)));
    return Harness.sorted(out);
  }

  /** Normalizes grouped records {@code (k,[values])} by sorting each value list. */
  @SuppressWarnings("unchecked") // the pipelines' records are KVs of lists
  static List<String> sortedGroups(List<Object> records) {
    List<Object> out = new ArrayList<>();
    for (Object record : records) {
      KV<String, Object> kv = (KV<String, Object>) record;
      if (kv.value() instanceof KV<?, ?> sides) {
        out.add(
            KV.of(
                kv.key(),
                KV.of(
                    Harness.sorted((List<?>) sides.key()),
                    Harness.sorted((List<?>) sides.value()))));
      } else {
        out.add(KV.of(kv.key(), Harness.sorted((List<?>) kv.value())));
      }
    }
    return Harness.sorted(out);
  }
}
