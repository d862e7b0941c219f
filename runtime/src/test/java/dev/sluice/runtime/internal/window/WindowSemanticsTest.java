package dev.sluice.runtime.internal.window;

import static dev.sluice.runtime.internal.window.GeneratedWindowCode.pairsOfOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.KV;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each window operator on small inputs: exact expected values, and the reference model agrees. */
class WindowSemanticsTest {

  /** Batches of words; "" is an empty batch. The input ends after batch 2. */
  private static final List<List<String>> WORDS = batches("a b a", "b", "", "", "", "", "", "");

  @Test
  void windowSpecEmitsAtOddIndicesForSlideTwoAndCoversPartialWindowsAtTheStart() {
    WindowSpec spec = new WindowSpec(4, 2);
    List<Long> emits = new ArrayList<>();
    for (long i = 0; i < 8; i++) {
      if (spec.emitsAt(i)) {
        emits.add(i);
      }
    }
    assertEquals(List.of(1L, 3L, 5L, 7L), emits);
    assertEquals(0, spec.firstBatch(1));
    assertEquals(0, spec.firstBatch(3));
    assertEquals(2, spec.firstBatch(5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new WindowSpec(0, 1));
    assertEquals("window length and slide must be at least 1 batch, not 0 and 1", e.getMessage());
  }

  @Test
  void reduceByKeyAndWindowWithoutInverseHasOnlyKeysInTheWindowAndDrains() {
    List<Map<String, Long>> expected =
        Arrays.asList(
            null, map("a", 2L, "b", 2L), null, map("a", 2L, "b", 2L), null, map(), null, map());
    List<List<KV<String, Long>>> pairs = pairsOfOne(WORDS);
    for (int partitions : new int[] {1, 3}) {
      assertEquals(
          expected,
          GeneratedWindowCode.reduceLongs(pairs, partitions, new WindowSpec(4, 2), Long::sum));
    }
    assertEquals(expected, WindowReference.reduceByKeyAndWindow(pairs, 4, 2, Long::sum));
  }

  @Test
  void reduceByKeyAndWindowWithoutInverseReducesPerBatchThenInBatchOrder() {
    List<List<KV<String, String>>> batches =
        List.of(List.of(KV.of("k", "a"), KV.of("k", "b")), List.of(), List.of(KV.of("k", "c")));
    List<Map<String, String>> actual =
        GeneratedWindowCode.reduceObjects(
            batches, 2, new WindowSpec(3, 1), (x, y) -> "(" + x + y + ")");
    List<Map<String, String>> expected =
        List.of(map("k", "(ab)"), map("k", "(ab)"), map("k", "((ab)c)"));
    assertEquals(expected, actual);
    assertEquals(
        expected, WindowReference.reduceByKeyAndWindow(batches, 3, 1, (x, y) -> "(" + x + y + ")"));
  }

  @Test
  void inverseWithoutFilterKeepsEveryKeySeenAtZero() {
    List<Map<String, Long>> expected =
        Arrays.asList(
            null,
            map("a", 2L, "b", 2L),
            null,
            map("a", 2L, "b", 2L),
            null,
            map("a", 0L, "b", 0L),
            null,
            map("a", 0L, "b", 0L));
    List<List<KV<String, Long>>> pairs = pairsOfOne(WORDS);
    for (int partitions : new int[] {1, 3}) {
      assertEquals(
          expected,
          GeneratedWindowCode.inverseLongs(
              pairs, partitions, new WindowSpec(4, 2), Long::sum, (x, y) -> x - y, null));
    }
    assertEquals(expected, WindowReference.sumByKeyAndWindow(pairs, 4, 2, null));
  }

  @Test
  void countByValueAndWindowDropsZeroCounts() {
    List<Map<String, Long>> expected =
        Arrays.asList(
            map("a", 2L, "b", 1L),
            map("a", 2L, "b", 2L),
            map("b", 1L),
            map(),
            map(),
            map(),
            map(),
            map());
    assertEquals(expected, GeneratedWindowCode.countByValue(WORDS, 2, new WindowSpec(2, 1)));
    assertEquals(expected, WindowReference.countByValueAndWindow(WORDS, 2, 1));
  }

  @Test
  void countByWindowEmitsNothingUntilTheFirstRecordThenACountPerSlideForever() {
    List<List<String>> words = batches("", "", "x y", "z", "", "", "", "");
    List<List<Long>> expected =
        Arrays.asList(null, List.of(), null, List.of(3L), null, List.of(1L), null, List.of(0L));
    assertEquals(expected, GeneratedWindowCode.countByWindow(words, new WindowSpec(3, 2)));
    assertEquals(expected, WindowReference.countByWindow(words, 3, 2));
  }

  @Test
  void windowListsTheRecordsBatchByBatchIncludingPartialAndDrainingWindows() {
    List<List<String>> words = batches("a b c", "", "d", "", "", "");
    List<List<String>> expected =
        Arrays.asList(
            List.of("a", "b", "c"),
            List.of("a", "b", "c"),
            List.of("a", "b", "c", "d"),
            List.of("d"),
            List.of("d"),
            List.of());
    for (int partitions : new int[] {1, 2}) {
      assertEquals(expected, GeneratedWindowCode.window(words, partitions, new WindowSpec(3, 1)));
    }
    assertEquals(expected, WindowReference.window(words, 3, 1));
  }

  @Test
  void groupByKeyAndWindowKeepsDuplicatesInBatchOrder() {
    List<List<KV<String, Long>>> batches =
        List.of(
            List.of(KV.of("a", 1L), KV.of("b", 2L), KV.of("a", 1L)), List.of(KV.of("a", 3L)),
            List.of(), List.of());
    List<Map<String, List<Long>>> expected =
        Arrays.asList(
            null, map("a", List.of(1L, 1L, 3L), "b", List.of(2L)), null, map("a", List.of(3L)));
    assertEquals(expected, GeneratedWindowCode.group(batches, 2, new WindowSpec(3, 2)));
    assertEquals(expected, WindowReference.groupByKeyAndWindow(batches, 3, 2));
  }

  @Test
  void inverseWindowUpdatesInSparksOrderPreviousMinusLeftPlusEntered() {
    ObjectInverseWindow<String, String> window =
        new ObjectInverseWindow<>(
            new WindowSpec(2, 2),
            (x, y) -> "(" + x + "+" + y + ")",
            (x, y) -> "(" + x + "-" + y + ")",
            null,
            4);
    String[] values = {"a", "b", "c", "d"};
    List<String> emitted = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      window.batch(i).set(~window.batch(i).add("k"), values[i]);
      if (i % 2 == 1) {
        emitted.add(window.slide(i).get(0));
      }
    }
    assertEquals(List.of("(a+b)", "(((a+b)-(a+b))+(c+d))"), emitted);
  }

  @Test
  void aFilteredKeyThatLeavesWithNoNewValuesFailsTheBatchAsInSpark() {
    LongInverseWindow<String> window =
        new LongInverseWindow<>(
            new WindowSpec(2, 1), Long::sum, (x, y) -> x - y, (k, v) -> v != 1, 4);
    window.batch(0).set(~window.batch(0).add("k"), 1);
    assertEquals(0, window.slide(0).size()); // the filter removed k although it has a value
    window.batch(1);
    assertEquals(0, window.slide(1).size());
    window.batch(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> window.slide(2));
    assertEquals(
        "key k leaves the window at batch 2 with no value in the previous window and no new "
            + "values",
        e.getMessage());
  }

  @Test
  void aWindowShorterThanItsSlideWithInverseCountsAsSparkDoes() {
    // L=1, S=2: the first slide's new batches are 0..1 although the window is only batch 1
    List<List<KV<String, Long>>> batches = pairsOfOne(batches("k", "", "", ""));
    List<Map<String, Long>> actual =
        GeneratedWindowCode.inverseLongs(
            batches, 1, new WindowSpec(1, 2), Long::sum, (x, y) -> x - y, null);
    assertEquals(Arrays.asList(null, map("k", 1L), null, map("k", 1L)), actual);
  }

  @Test
  void slidingAtAnythingButTheNextSlideBatchIsRefused() {
    LongInverseWindow<String> window =
        new LongInverseWindow<>(new WindowSpec(4, 2), Long::sum, (x, y) -> x - y, null, 4);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> window.slide(0));
    assertEquals(
        "window WindowSpec[length=4, slide=2] slides at batch 1 next, not at batch 0",
        e.getMessage());
    window.slide(1);
    e = assertThrows(IllegalStateException.class, () -> window.slide(5));
    assertEquals(
        "window WindowSpec[length=4, slide=2] slides at batch 3 next, not at batch 5",
        e.getMessage());
  }

  @Test
  void batchesMustNotGoBackAndAskingTwiceForOneBatchGivesTheSameSlot() {
    LongWindowSlots<String> slots = new LongWindowSlots<>(new WindowSpec(2, 1), 4);
    slots.batch(3).set(~slots.batch(3).add("k"), 5);
    assertEquals(1, slots.batch(3).size());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> slots.batch(2));
    assertEquals("batch 2 comes after batch 3 in a window", e.getMessage());
  }

  @Test
  void slotsOfSkippedBatchesAreEmptyNotLeftOverFromTheRingsLastTurn() {
    LongWindowSlots<String> slots = new LongWindowSlots<>(new WindowSpec(2, 1), 4);
    slots.batch(0).set(~slots.batch(0).add("old"), 1);
    slots.batch(1).set(~slots.batch(1).add("old"), 1);
    assertEquals(2, slots.reduceWindow(1, Long::sum).get(0));
    // batches 2 and 3 never opened: their slots reuse those of 0 and 1 and must be empty
    assertEquals(0, slots.reduceWindow(3, Long::sum).size());
    assertTrue(new WindowSpec(2, 1).emitsAt(3));
    assertFalse(new WindowSpec(2, 2).emitsAt(2));
  }

  static List<List<String>> batches(String... lines) {
    List<List<String>> batches = new ArrayList<>();
    for (String line : lines) {
      batches.add(line.isEmpty() ? List.of() : List.of(line.split(" ")));
    }
    return batches;
  }

  @SuppressWarnings("unchecked") // pairs of key and value
  static <K, V> Map<K, V> map(Object... keysAndValues) {
    Map<K, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return map;
  }
}
