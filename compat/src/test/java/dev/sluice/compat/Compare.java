package dev.sluice.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Batch-by-batch comparison of one output of Spark and of Sluice: the same batch indices wrote
 * output, and each such batch has the same records (as texts), as a multiset or in order.
 */
final class Compare {

  private Compare() {}

  /** Same batch indices, and per batch the same multiset of record texts. */
  static void multisets(
      String output,
      Map<String, SortedMap<Integer, List<String>>> spark,
      Map<String, SortedMap<Integer, List<String>>> sluice) {
    compare(output, spark, sluice, false);
  }

  /** Same batch indices, and per batch the same record texts in the same order. */
  static void ordered(
      String output,
      Map<String, SortedMap<Integer, List<String>>> spark,
      Map<String, SortedMap<Integer, List<String>>> sluice) {
    compare(output, spark, sluice, true);
  }

  private static void compare(
      String output,
      Map<String, SortedMap<Integer, List<String>>> spark,
      Map<String, SortedMap<Integer, List<String>>> sluice,
      boolean ordered) {
    SortedMap<Integer, List<String>> expected = spark.get(output);
    SortedMap<Integer, List<String>> actual = sluice.get(output);
    assertNotNull(expected, "Spark has no output " + output);
    assertNotNull(actual, "Sluice has no output " + output);
    assertTrue(
        expected.values().stream().anyMatch(batch -> !batch.isEmpty()),
        output + ": Spark wrote no records at all, so the comparison would prove nothing");
    for (Map.Entry<Integer, List<String>> batch : expected.entrySet()) {
      List<String> want = batch.getValue();
      List<String> got = actual.get(batch.getKey());
      if (!ordered) {
        want = sorted(want);
        got = got == null ? null : sorted(got);
      }
      assertEquals(want, got, output + ": batch " + batch.getKey() + " (Spark vs Sluice)");
    }
    assertEquals(expected.keySet(), actual.keySet(), output + ": batch indices that wrote output");
  }

  private static List<String> sorted(List<String> texts) {
    return texts.stream().sorted().toList();
  }
}
