package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** count, countByValue, reduce, reduceByKey, groupByKey and combineByKey, batch by batch. */
@Timeout(60)
class KeyedOpsTest {

  static final List<List<String>> WORDS =
      List.of(
          List.of("a", "bb", "a", "", "ccc", "bb", "a"),
          List.of(),
          List.of("dddd"),
          List.of("x", "x", "x", "y"),
          List.of());

  private static Map<String, List<Batch<Object>>> out;

  @BeforeAll
  static void run() throws Exception {
    out = Harness.run(KeyedOpsPipeline.builder().words(Sources.batches(WORDS)), 2, WORDS.size());
  }

  private static List<KV<String, Integer>> pairs(List<String> words) {
    return words.stream()
        .map(w -> KV.of(w.isEmpty() ? "" : w.substring(0, 1), w.length()))
        .toList();
  }

  @Test
  void countEmitsExactlyOneNumberPerBatchZeroWhenEmpty() {
    assertEquals(
        WORDS.stream().map(batch -> List.<Object>of((long) batch.size())).toList(),
        Harness.records(out.get("totalOut")));
    out.get("totalOut").forEach(batch -> assertEquals(1, batch.partitionCount()));
  }

  @Test
  void countByValueCountsEachElement() {
    assertEquals(
        WORDS.stream().map(Reference::countByValue).toList(),
        Harness.multisets(out.get("frequenciesOut")));
  }

  @Test
  void reduceEmitsOneRecordPerBatchAndNothingForAnEmptyBatch() {
    assertEquals(
        WORDS.stream()
            .map(
                batch ->
                    batch.isEmpty()
                        ? List.of()
                        : List.<Object>of(batch.stream().mapToInt(String::length).max().getAsInt()))
            .toList(),
        Harness.records(out.get("longestOut")));
  }

  @Test
  void reduceByKeySumsEachKeyIntoItsPartitions() {
    List<List<String>> expected = new ArrayList<>();
    for (List<String> batch : WORDS) {
      Map<String, Integer> sums = new TreeMap<>();
      pairs(batch).forEach(p -> sums.merge(p.key(), p.value(), Integer::sum));
      expected.add(
          Harness.sorted(
              sums.entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList()));
    }
    assertEquals(expected, Harness.multisets(out.get("sumsOut")));
    out.get("sumsOut").forEach(batch -> assertEquals(3, batch.partitionCount()));
  }

  @Test
  void groupByKeyKeepsEveryValueDuplicatesIncluded() {
    assertEquals(
        WORDS.stream().map(batch -> Reference.groupByKey(pairs(batch))).toList(),
        out.get("groupsOut").stream().map(b -> Reference.sortedGroups(b.toList())).toList());
  }

  @Test
  void combineByKeyCreatesMergesAndMergesCombiners() {
    List<List<String>> expected = new ArrayList<>();
    for (List<String> batch : WORDS) {
      Map<String, Long> combined = new TreeMap<>();
      pairs(batch).forEach(p -> combined.merge(p.key(), p.value() * 1000L + 1, Long::sum));
      expected.add(
          Harness.sorted(
              combined.entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList()));
    }
    assertEquals(expected, Harness.multisets(out.get("averagesOut")));
  }
}
