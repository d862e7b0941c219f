package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Union, mapValues, flatMapValues, mapPartitions, transform and repartition through the real
 * runtime, batch by batch, against a reference model computed here from the same input lists.
 */
@Timeout(60)
class NarrowOpsTest {

  private static final int PARALLELISM = 2;
  private static final List<List<String>> LEFT =
      List.of(
          List.of("apple", "banana", "cherry", "avocado"),
          List.of(),
          List.of("fig", "blueberry", "apple"),
          List.of(),
          List.of());
  private static final List<List<String>> RIGHT =
      List.of(
          List.of("kiwi", "lime"),
          List.of("mango"),
          List.of(),
          List.of("nut", "olive", "pear", "quince"),
          List.of());

  private static Map<String, List<Batch<Object>>> out;

  @BeforeAll
  static void run() throws Exception {
    out =
        Harness.run(
            NarrowOpsPipeline.builder().left(Sources.batches(LEFT)).right(Sources.batches(RIGHT)),
            PARALLELISM,
            LEFT.size());
  }

  /** The engine's cut of a batch into contiguous partitions. */
  private static List<List<String>> partitions(List<String> batch) {
    List<List<String>> parts = new ArrayList<>();
    int n = batch.size();
    for (int p = 0; p < PARALLELISM; p++) {
      parts.add(batch.subList(n * p / PARALLELISM, n * (p + 1) / PARALLELISM));
    }
    return parts;
  }

  private interface PerBatch {
    List<Object> expected(int batch);
  }

  private static List<List<Object>> model(PerBatch model) {
    List<List<Object>> batches = new ArrayList<>();
    for (int b = 0; b < LEFT.size(); b++) {
      batches.add(model.expected(b));
    }
    return batches;
  }

  @Test
  void unionOfTwoInputsIsEveryLeftPartitionThenEveryRightOne() {
    assertEquals(
        model(
            b -> {
              List<Object> all = new ArrayList<>(LEFT.get(b));
              all.addAll(RIGHT.get(b));
              return all;
            }),
        Harness.records(out.get("unionOut")));
    assertEquals(2 * PARALLELISM, out.get("unionOut").get(0).partitionCount());
  }

  @Test
  void unionOfTwoComputedStagesKeepsSparksPartitionOrder() {
    assertEquals(
        model(
            b -> {
              List<Object> all = new ArrayList<>();
              LEFT.get(b).forEach(w -> all.add("<" + w.toUpperCase() + ">"));
              LEFT.get(b).forEach(w -> all.add("<" + new StringBuilder(w).reverse() + ">"));
              return all;
            }),
        Harness.records(out.get("mixedOut")));
  }

  @Test
  void mapValuesKeepsTheKey() {
    assertEquals(
        model(
            b ->
                LEFT.get(b).stream()
                    .map(w -> (Object) KV.of(w.substring(0, 1), "len" + w.length()))
                    .toList()),
        Harness.records(out.get("lengthsOut")));
  }

  @Test
  void flatMapValuesPairsEveryValueWithTheKey() {
    assertEquals(
        model(
            b -> {
              List<Object> all = new ArrayList<>();
              for (String w : LEFT.get(b)) {
                for (int i = w.length(); i > 3; i--) {
                  all.add(KV.of(w.substring(0, 1), i));
                }
              }
              return all;
            }),
        Harness.records(out.get("countdownOut")));
  }

  @Test
  void mapPartitionsSeesEachPartitionWholeEvenWhenEmpty() {
    assertEquals(
        model(
            b -> {
              List<Object> all = new ArrayList<>();
              for (List<String> part : partitions(RIGHT.get(b))) {
                for (int i = 0; i < part.size(); i++) {
                  all.add(part.get(i) + "@" + i + "/" + part.size());
                }
              }
              return all;
            }),
        Harness.records(out.get("taggedOut")));
    assertEquals(
        model(b -> partitions(LEFT.get(b)).stream().map(part -> (Object) part.size()).toList()),
        Harness.records(out.get("countedOut")));
  }

  @Test
  void transformSeesTheWholeBatchAndItsTimeAndUsesStaticData() {
    Set<String> known = Set.of("apple", "cherry", "fig");
    assertEquals(
        model(
            b ->
                LEFT.get(b).stream()
                    .filter(known::contains)
                    .map(w -> (Object) (w + "@" + (b + 1) * 1000L))
                    .toList()),
        Harness.records(out.get("knownOut")));
  }

  @Test
  void repartitionSpreadsEveryRecordOverTheNewPartitions() {
    assertEquals(
        model(b -> new ArrayList<>(Harness.sorted(RIGHT.get(b)))),
        Harness.multisets(out.get("spreadOut")).stream()
            .map(l -> (List<Object>) new ArrayList<Object>(l))
            .toList());
    for (Batch<Object> batch : out.get("spreadOut")) {
      assertEquals(3, batch.partitionCount());
      for (int p = 0; p < 3; p++) {
        int size = batch.partition(p).size();
        assertEquals(true, Math.abs(size - batch.count() / 3.0) < 2, "balanced: " + batch);
      }
    }
  }
}
