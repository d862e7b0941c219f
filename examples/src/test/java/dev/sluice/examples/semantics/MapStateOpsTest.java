package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.State;
import dev.sluice.runtime.internal.state.StateReference;
import dev.sluice.runtime.internal.state.StateReference.MapWithStateOutput;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * mapWithState and its snapshots through the real runtime on a manual clock (1 s batches, three
 * state partitions, two workers), each batch compared with {@link StateReference}: one call per
 * record in record order within a key, removal, empty batches emitting nothing, timeouts only at
 * the full-scan batches 9 and 19, and every key's state in the snapshots.
 */
@Timeout(60)
class MapStateOpsTest {

  static final List<List<String>> EVENTS =
      List.of(
          List.of("a:1", "b:2", "a:3"), // 0
          List.of(), // 1
          List.of("c:5", "a:0", "a:4"), // 2: a removed, then a new state
          List.of("b:1"), // 3
          List.of(), // 4
          List.of(), // 5
          List.of("c:1"), // 6
          List.of(), // 7
          List.of(), // 8
          List.of(), // 9: full scan at 10 s: a (3 s) and b (4 s) time out, c (7 s) stays
          List.of("d:2"), // 10
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(), // 19: full scan at 20 s: c (7 s) and d (11 s) time out
          List.of("c:9"), // 20: c starts again
          List.of());

  /** Sums the values; 0 removes the key; a timeout reports the last sum. */
  static String track(String key, Optional<Long> value, State<Long> state) {
    if (state.isTimingOut()) {
      return key + " timed out at " + state.get();
    }
    long v = value.orElseThrow();
    if (v == 0) {
      state.remove();
      return key + " removed";
    }
    long sum = state.getOption().orElse(0L) + v;
    state.update(sum);
    return key + "+" + v + "=" + sum;
  }

  private static List<List<KV<String, Long>>> pairs(List<List<String>> events) {
    return events.stream().map(batch -> batch.stream().map(MapStateOps::pairs).toList()).toList();
  }

  private static MapWithStateOutput<String, Long, String> expected(List<List<String>> events) {
    return StateReference.mapWithState(pairs(events), MapStateOpsTest::track, 1000, 3000, 10);
  }

  private static Map<String, List<Batch<Object>>> run(List<List<String>> events) {
    return Harness.run(
        MapStateOpsPipeline.builder().events(Sources.batches(events)), 2, events.size());
  }

  /** Each batch's outputs per key, in call order: what Spark fixes (keys interleave freely). */
  private static List<Map<String, List<String>>> perKey(List<List<String>> batches) {
    List<Map<String, List<String>>> out = new ArrayList<>();
    for (List<String> batch : batches) {
      Map<String, List<String>> byKey = new TreeMap<>();
      for (String record : batch) {
        byKey.computeIfAbsent(record.substring(0, 1), k -> new ArrayList<>()).add(record);
      }
      out.add(byKey);
    }
    return out;
  }

  private static List<List<String>> strings(List<Batch<Object>> batches) {
    return batches.stream().map(b -> b.toList().stream().map(String::valueOf).toList()).toList();
  }

  private static List<List<String>> snapshotTexts(List<Map<String, Long>> snapshots) {
    return snapshots.stream()
        .map(
            map ->
                Harness.sorted(
                    map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
        .toList();
  }

  @Test
  void matchesTheReferenceBatchByBatch() {
    Map<String, List<Batch<Object>>> out = run(EVENTS);
    MapWithStateOutput<String, Long, String> expected = expected(EVENTS);
    assertEquals(perKey(expected.mapped()), perKey(strings(out.get("sumsOut"))));
    assertEquals(snapshotTexts(expected.snapshots()), Harness.multisets(out.get("snapshotsOut")));
  }

  @Test
  void pinsTheRulesWithExactValues() {
    Map<String, List<Batch<Object>>> out = run(EVENTS);
    List<Map<String, List<String>>> sums = perKey(strings(out.get("sumsOut")));
    List<List<String>> snapshots = Harness.multisets(out.get("snapshotsOut"));
    assertEquals(Map.of("a", List.of("a+1=1", "a+3=4"), "b", List.of("b+2=2")), sums.get(0));
    assertEquals(Map.of(), sums.get(1)); // an empty batch emits nothing
    assertEquals(List.of("a=4", "b=2"), snapshots.get(1)); // but its snapshot has every key
    assertEquals(Map.of("a", List.of("a removed", "a+4=4"), "c", List.of("c+5=5")), sums.get(2));
    for (int idle : new int[] {4, 5, 7, 8}) {
      assertEquals(Map.of(), sums.get(idle), "batch " + idle); // idle, but not a full scan
    }
    assertEquals(Map.of("c", List.of("c+1=6")), sums.get(6));
    assertEquals(List.of("a=4", "b=3", "c=6"), snapshots.get(8));
    assertEquals(
        Map.of("a", List.of("a timed out at 4"), "b", List.of("b timed out at 3")), sums.get(9));
    assertEquals(List.of("c=6"), snapshots.get(9));
    assertEquals(
        Map.of("c", List.of("c timed out at 6"), "d", List.of("d timed out at 2")), sums.get(19));
    assertEquals(List.of(), snapshots.get(19));
    assertEquals(Map.of("c", List.of("c+9=9")), sums.get(20));
    assertEquals(List.of("c=9"), snapshots.get(21));
  }

  @Test
  void randomBatchesMatchTheReference() {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<List<String>> events = new ArrayList<>();
      for (int b = 0; b < 24; b++) {
        List<String> batch = new ArrayList<>();
        int records = random.nextInt(3) == 0 ? 0 : random.nextInt(8);
        for (int r = 0; r < records; r++) {
          batch.add((char) ('a' + random.nextInt(6)) + ":" + random.nextInt(4));
        }
        events.add(batch);
      }
      Map<String, List<Batch<Object>>> out = run(events);
      MapWithStateOutput<String, Long, String> expected = expected(events);
      assertEquals(perKey(expected.mapped()), perKey(strings(out.get("sumsOut"))), "seed " + seed);
      assertEquals(
          snapshotTexts(expected.snapshots()),
          Harness.multisets(out.get("snapshotsOut")),
          "seed " + seed);
    }
  }
}
