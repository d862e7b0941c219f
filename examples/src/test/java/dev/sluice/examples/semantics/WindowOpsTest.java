package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.internal.window.WindowReference;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every window operator through the real runtime on a manual clock, each batch compared with {@link
 * WindowReference}: empty batches, windows draining for several batches after the input ends, keys
 * staying at 0 in an inverse window without a filter, and slide batches 1, 3, 5, ... for a slide of
 * 2 (nothing written at the others).
 */
@Timeout(60)
class WindowOpsTest {

  static final List<List<String>> WORDS =
      List.of(
          List.of("a", "bb", "a", "", "ccc"),
          List.of(),
          List.of("dddd", "a"),
          List.of("x", "x", "bb"),
          List.of(),
          List.of("a"),
          List.of(),
          List.of(),
          List.of(),
          List.of());

  private static Map<String, List<Batch<Object>>> out;

  @BeforeAll
  static void run() throws Exception {
    out = Harness.run(WindowOpsPipeline.builder().words(Sources.batches(WORDS)), 2, WORDS.size());
  }

  /** The reference's non-null elements: what was written, at the slide batches only. */
  private static <T> List<T> written(List<T> reference) {
    return reference.stream().filter(element -> element != null).toList();
  }

  private static List<List<KV<String, Long>>> ones() {
    return WORDS.stream().map(batch -> batch.stream().map(w -> KV.of(w, 1L)).toList()).toList();
  }

  private static <V> List<Map<String, V>> maps(String output, Function<Object, V> value) {
    List<Map<String, V>> maps = new ArrayList<>();
    for (Batch<Object> batch : out.get(output)) {
      Map<String, V> map = new TreeMap<>();
      for (Object record : batch.toList()) {
        KV<?, ?> kv = (KV<?, ?>) record;
        map.put((String) kv.key(), value.apply(kv.value()));
      }
      maps.add(map);
    }
    return maps;
  }

  private static <V> List<Map<String, V>> sortedMaps(List<Map<String, V>> maps) {
    return maps.stream().map(map -> (Map<String, V>) new TreeMap<>(map)).toList();
  }

  @Test
  void windowEmitsAtBatches1357AndListsTheWindowInOrder() {
    assertEquals(
        written(WindowReference.window(WORDS, 4, 2)), Harness.records(out.get("recentOut")));
    assertEquals(WORDS.size() / 2, out.get("recentOut").size());
  }

  @Test
  void reduceByKeyAndWindowWithoutInverseHasOnlyKeysInTheWindow() {
    assertEquals(
        sortedMaps(written(WindowReference.reduceByKeyAndWindow(ones(), 3, 1, Long::sum))),
        maps("sumsOut", v -> (Long) v));
  }

  @Test
  void inverseWindowWithoutFilterKeepsKeysAtZero() {
    List<Map<String, Long>> expected =
        sortedMaps(written(WindowReference.sumByKeyAndWindow(ones(), 3, 2, null)));
    assertEquals(expected, maps("runningOut", v -> (Long) v));
    assertEquals(0L, expected.get(expected.size() - 1).get("a"));
  }

  @Test
  void inverseWindowWithFilterDropsKeysThatFailIt() {
    assertEquals(
        sortedMaps(
            written(WindowReference.sumByKeyAndWindow(ones(), 3, 2, (key, count) -> count > 0))),
        maps("filteredOut", v -> (Long) v));
  }

  @Test
  void reduceByWindowEmitsNothingForAnEmptyWindow() {
    List<List<Object>> expected = new ArrayList<>();
    List<List<Integer>> lengths =
        WORDS.stream().map(batch -> batch.stream().map(String::length).toList()).toList();
    for (List<Integer> window : written(WindowReference.window(lengths, 2, 1))) {
      expected.add(
          window.isEmpty() ? List.of() : List.of(window.stream().reduce(Math::max).orElseThrow()));
    }
    assertEquals(expected, Harness.records(out.get("longestOut")));
  }

  @Test
  void countByWindowCountsForeverOnceARecordWasSeen() {
    assertEquals(
        written(WindowReference.countByWindow(WORDS, 3, 2)),
        Harness.records(out.get("countedOut")));
  }

  @Test
  void groupByKeyAndWindowKeepsValuesBatchAfterBatch() {
    List<List<KV<String, Integer>>> initials =
        WORDS.stream()
            .map(
                batch ->
                    batch.stream()
                        .map(w -> KV.of(w.isEmpty() ? "" : w.substring(0, 1), w.length()))
                        .toList())
            .toList();
    assertEquals(
        sortedMaps(written(WindowReference.groupByKeyAndWindow(initials, 4, 2))),
        maps("groupedOut", Function.<Object>identity()));
  }

  @Test
  void countByValueAndWindowDropsZeroCounts() {
    assertEquals(
        sortedMaps(written(WindowReference.countByValueAndWindow(WORDS, 3, 2))),
        maps("frequenciesOut", v -> (Long) v));
  }

  @Test
  void aKeyedReduceAfterAWindowRunsAtTheWindowsSlide() {
    List<Map<String, Long>> expected = new ArrayList<>();
    for (List<String> window : written(WindowReference.window(WORDS, 4, 2))) {
      Map<String, Long> counts = new TreeMap<>();
      window.forEach(w -> counts.merge(w, 1L, Long::sum));
      expected.add(counts);
    }
    assertEquals(expected, maps("recentCountsOut", v -> (Long) v));
  }

  @Test
  void anIntervalThatIsNotAFactorOfAWindowFailsTheBuild() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WindowOpsPipeline.builder()
                    .words(Sources.batches(WORDS))
                    .batchInterval(Duration.ofMillis(1500))
                    .build());
    assertEquals(
        "pipeline WindowOps, stage 'recent': window 4000 ms and slide 2000 ms must be multiples"
            + " of the batch interval, 1500 ms",
        e.getMessage());
  }

  @Test
  void aJoinOfTwoWindowsJoinsWhatEachWindowHolds() {
    List<List<KV<String, Integer>>> initials =
        WORDS.stream()
            .map(
                batch ->
                    batch.stream()
                        .map(w -> KV.of(w.isEmpty() ? "" : w.substring(0, 1), w.length()))
                        .toList())
            .toList();
    List<List<KV<String, Integer>>> left = written(WindowReference.window(initials, 2, 2));
    List<List<KV<String, Long>>> right = written(WindowReference.window(ones(), 4, 2));
    List<List<String>> expected = new ArrayList<>();
    for (int w = 0; w < left.size(); w++) {
      List<String> joined = new ArrayList<>();
      for (KV<String, Integer> l : left.get(w)) {
        for (KV<String, Long> r : right.get(w)) {
          if (l.key().equals(r.key())) {
            joined.add(l.key() + ":" + l.value() + ":" + r.value());
          }
        }
      }
      expected.add(Harness.sorted(joined));
    }
    assertEquals(expected, Harness.multisets(out.get("joinedOut")));
  }
}
