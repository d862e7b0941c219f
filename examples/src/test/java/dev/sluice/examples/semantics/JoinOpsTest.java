package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The joins, cogroup, a grouped union and a self-join through the runtime against the reference
 * model: a fixed trace with empty batches and absent sides, then seeded random batches (a
 * property-style check of fused execution against the model).
 */
@Timeout(60)
class JoinOpsTest {

  static final List<List<String>> LEFT =
      List.of(
          List.of("a:x", "b:y", "a:z", "c:w"),
          List.of("a:q"),
          List.of(),
          List.of("d:1", "d:2"),
          List.of());
  static final List<List<String>> RIGHT =
      List.of(
          List.of("a:1", "a:2", "b:3", "e:4"),
          List.of(),
          List.of("a:5"),
          List.of("d:6"),
          List.of());

  @Test
  void fixedTrace() throws Exception {
    check(LEFT, RIGHT, 2);
  }

  @Test
  void randomBatchesMatchTheModel() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<List<String>> left = new ArrayList<>();
      List<List<String>> right = new ArrayList<>();
      for (int b = 0; b < 6; b++) {
        left.add(randomBatch(random));
        right.add(randomBatch(random));
      }
      check(left, right, 1 + random.nextInt(3));
    }
  }

  private static List<String> randomBatch(Random random) {
    List<String> batch = new ArrayList<>();
    int size = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
    for (int i = 0; i < size; i++) {
      batch.add((char) ('a' + random.nextInt(5)) + ":" + random.nextInt(4));
    }
    return batch;
  }

  private static void check(List<List<String>> lefts, List<List<String>> rights, int parallelism)
      throws Exception {
    Map<String, List<Batch<Object>>> out =
        Harness.run(
            JoinOpsPipeline.builder().lefts(Sources.batches(lefts)).rights(Sources.batches(rights)),
            parallelism,
            lefts.size());
    List<List<String>> inner = new ArrayList<>();
    List<List<String>> leftOuter = new ArrayList<>();
    List<List<String>> rightOuter = new ArrayList<>();
    List<List<String>> fullOuter = new ArrayList<>();
    List<List<String>> cogroup = new ArrayList<>();
    List<List<String>> grouped = new ArrayList<>();
    List<List<String>> self = new ArrayList<>();
    for (int b = 0; b < lefts.size(); b++) {
      List<KV<String, String>> left = Reference.pairs(lefts.get(b));
      List<KV<String, Integer>> right =
          Reference.pairs(rights.get(b)).stream()
              .map(p -> KV.of(p.key(), Integer.parseInt(p.value())))
              .toList();
      inner.add(Reference.join(left, right));
      leftOuter.add(Reference.outer(left, right, true, false));
      rightOuter.add(Reference.outer(left, right, false, true));
      fullOuter.add(Reference.outer(left, right, true, true));
      cogroup.add(Reference.cogroup(left, right));
      List<KV<String, String>> union = new ArrayList<>(left);
      right.forEach(p -> union.add(KV.of(p.key(), "#" + p.value())));
      grouped.add(Reference.groupByKey(union));
      List<Object> pairs = new ArrayList<>();
      Reference.byKey(left)
          .forEach((k, vs) -> vs.forEach(a -> vs.forEach(c -> pairs.add(k + ":" + a + "+" + c))));
      self.add(Harness.sorted(pairs));
    }
    String trace = lefts + " / " + rights + " / parallelism " + parallelism;
    assertEquals(inner, Harness.multisets(out.get("innerOut")), trace);
    assertEquals(leftOuter, Harness.multisets(out.get("leftOuterOut")), trace);
    assertEquals(rightOuter, Harness.multisets(out.get("rightOuterOut")), trace);
    assertEquals(fullOuter, Harness.multisets(out.get("fullOuterOut")), trace);
    assertEquals(
        cogroup,
        out.get("bothOut").stream().map(b -> Reference.sortedGroups(b.toList())).toList(),
        trace);
    assertEquals(
        grouped,
        out.get("groupedOut").stream().map(b -> Reference.sortedGroups(b.toList())).toList(),
        trace);
    assertEquals(self, Harness.multisets(out.get("selfOut")), trace);
    out.get("rightOuterOut").forEach(batch -> assertEquals(1, batch.partitionCount()));
  }
}
