package dev.sluice.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.KV;
import dev.sluice.api.State;
import dev.sluice.runtime.internal.state.StateReference.MapWithStateOutput;
import dev.sluice.runtime.internal.state.StateReference.MappingFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The stateful operators on small inputs: exact values, and the reference model agrees. */
class StateSemanticsTest {

  private static final long SECOND = 1000;

  /** Counts; a key whose batch had no values and whose count reached 2 is removed. */
  private static final BiFunction<List<Long>, Optional<Long>, Optional<Long>> COUNT_THEN_FORGET =
      (values, state) ->
          values.isEmpty() && state.orElse(0L) >= 2
              ? Optional.empty()
              : Optional.of(state.orElse(0L) + values.stream().mapToLong(Long::longValue).sum());

  @Test
  void updateStateByKeyUpdatesEveryKeyEveryBatchAlsoWithoutValuesAndRemovesOnEmpty() {
    List<List<KV<String, Long>>> batches = ones("a b a", "", "b", "", "");
    List<Map<String, Long>> expected =
        List.of(Map.of("a", 2L, "b", 1L), Map.of("b", 1L), Map.of("b", 2L), Map.of(), Map.of());
    for (int partitions : new int[] {1, 3}) {
      assertEquals(
          expected, GeneratedStateCode.updateStateByKey(batches, partitions, COUNT_THEN_FORGET));
    }
    assertEquals(expected, StateReference.updateStateByKey(batches, COUNT_THEN_FORGET));
  }

  @Test
  void updateStateByKeyCallsStateKeysThenNewKeysWithValuesInArrivalOrder() {
    List<String> calls = new ArrayList<>();
    UpdateStateStore<String, Long, Long> store = new UpdateStateStore<>(4);
    BiFunction<List<Long>, Optional<Long>, Optional<Long>> log =
        (values, state) -> {
          calls.add(values + " " + state);
          return Optional.of(state.orElse(0L) + values.size());
        };
    store.open(0);
    store.add("x", 5L);
    store.update(log);
    store.open(1); // an empty batch: x is still updated
    store.update(log);
    store.open(2);
    store.add("y", 7L);
    store.add("x", 8L);
    store.add("y", 6L);
    store.update(log);
    assertEquals(
        List.of("[5] Optional.empty", "[] Optional[1]", "[8] Optional[1]", "[7, 6] Optional.empty"),
        calls);
  }

  @Test
  void updateStateByKeyRefusesBatchesOutOfOrderOrLeftWithoutUpdate() {
    UpdateStateStore<String, Long, Long> store = new UpdateStateStore<>(4);
    store.open(3);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.open(4));
    assertEquals("batch 3 was never updated", e.getMessage());
    store.update((values, state) -> state);
    e = assertThrows(IllegalStateException.class, () -> store.open(3));
    assertEquals("batch 3 comes after batch 3 in a state store", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> store.update((values, state) -> state));
    assertEquals("batch 3 is not open", e.getMessage());
  }

  /** Sums values; a value of 0 removes the key; an odd value only reads the state. */
  private static final MappingFunction<String, Long, Long, String> SUM =
      (key, value, state) -> {
        if (state.isTimingOut()) {
          return key + " timed out at " + state.get();
        }
        long v = value.orElseThrow();
        if (v == 0) {
          state.remove();
          return key + " removed";
        }
        if (v % 2 == 1) {
          return key + " reads " + state.getOption();
        }
        long sum = state.getOption().orElse(0L) + v;
        state.update(sum);
        return key + "=" + sum;
      };

  @Test
  void mapWithStateCallsOncePerRecordInOrderAndEmitsNothingForAnEmptyBatch() {
    List<List<KV<String, Long>>> batches =
        List.of(
            List.of(KV.of("a", 2L), KV.of("a", 4L), KV.of("b", 3L)),
            List.of(),
            List.of(KV.of("a", 0L), KV.of("a", 1L), KV.of("b", 2L)));
    MapWithStateOutput<String, Long, String> out =
        GeneratedStateCode.mapWithState(batches, 1, SUM, SECOND, 0, 10);
    assertEquals(
        List.of(
            List.of("a=2", "a=6", "b reads Optional.empty"),
            List.of(),
            List.of("a removed", "a reads Optional.empty", "b=2")),
        out.mapped());
    assertEquals(List.of(Map.of("a", 6L), Map.of("a", 6L), Map.of("b", 2L)), out.snapshots());
    assertEquals(out, StateReference.mapWithState(batches, SUM, SECOND, 0, 10));
  }

  @Test
  void idleKeysTimeOutOnlyAtEveryTenthBatchWithOneLastCall() {
    // timeout 3 s, batches every second: batch i has time (i + 1) s
    List<List<KV<String, Long>>> batches = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      batches.add(new ArrayList<>());
    }
    batches.get(0).addAll(List.of(KV.of("a", 2L), KV.of("r", 2L)));
    batches.get(7).add(KV.of("b", 2L));
    batches.get(8).add(KV.of("r", 1L)); // reading keeps r alive when there is a timeout
    batches.get(9).add(KV.of("c", 2L));
    MapWithStateOutput<String, Long, String> out =
        GeneratedStateCode.mapWithState(batches, 2, SUM, SECOND, 3 * SECOND, 10);
    List<List<String>> expected = new ArrayList<>(Collections.nCopies(21, List.of()));
    expected.set(0, List.of("a=2", "r=2"));
    expected.set(7, List.of("b=2"));
    expected.set(8, List.of("r reads Optional[2]"));
    expected.set(9, List.of("a timed out at 2", "c=2")); // sorted: partitions interleave
    expected.set(19, List.of("b timed out at 2", "c timed out at 2", "r timed out at 2"));
    assertEquals(expected, sorted(out.mapped()));
    assertEquals(Map.of("a", 2L, "r", 2L, "b", 2L), out.snapshots().get(8));
    assertEquals(Map.of("r", 2L, "b", 2L, "c", 2L), out.snapshots().get(9));
    assertEquals(Map.of(), out.snapshots().get(19));
    MapWithStateOutput<String, Long, String> reference =
        StateReference.mapWithState(batches, SUM, SECOND, 3 * SECOND, 10);
    assertEquals(sorted(reference.mapped()), sorted(out.mapped()));
    assertEquals(reference.snapshots(), out.snapshots());
  }

  @Test
  void aKeyTimesOutOnlyWhenLastWrittenStrictlyBeforeBatchTimeMinusTimeout() {
    // full scan every batch: written at 1 s, timeout 3 s: 4 s - 3 s = 1 s is not before 1 s
    List<List<KV<String, Long>>> batches =
        List.of(List.of(KV.of("a", 2L)), List.of(), List.of(), List.of(), List.of());
    MapWithStateOutput<String, Long, String> out =
        GeneratedStateCode.mapWithState(batches, 1, SUM, SECOND, 3 * SECOND, 1);
    assertEquals(
        List.of(List.of("a=2"), List.of(), List.of(), List.of(), List.of("a timed out at 2")),
        out.mapped());
  }

  @Test
  void withoutTimeoutReadingDoesNotRewriteAndNoKeyEverTimesOut() {
    List<List<KV<String, Long>>> batches = new ArrayList<>();
    batches.add(List.of(KV.of("a", 2L)));
    for (int i = 0; i < 19; i++) {
      batches.add(List.of());
    }
    MapWithStateOutput<String, Long, String> out =
        GeneratedStateCode.mapWithState(batches, 1, SUM, SECOND, 0, 10);
    assertEquals(Map.of("a", 2L), out.snapshots().get(19));
  }

  @Test
  void theTimingOutCallSeesTheStateAndMayNeitherUpdateNorRemoveIt() {
    MapWithStateStore<String, Long> store = new MapWithStateStore<>(SECOND, 1, 4);
    store.beginBatch(0, SECOND);
    store.open("k").update(5L);
    store.close();
    store.endBatch();
    store.beginBatch(1, 2 * SECOND);
    assertEquals(0, store.timeouts()); // written at 1 s: 1 s is not before 2 s - 1 s
    store.endBatch();
    store.beginBatch(2, 3 * SECOND);
    assertEquals(1, store.timeouts());
    assertEquals("k", store.timedOutKey(0));
    State<Long> state = store.openTimingOut(0);
    assertEquals(0, store.size());
    assertEquals(true, state.isTimingOut() && state.exists());
    assertEquals(5L, state.get());
    assertEquals(Optional.of(5L), state.getOption());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> state.update(6L));
    assertEquals("requirement failed: Cannot update the state that is timing out", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, state::remove);
    assertEquals("requirement failed: Cannot remove the state that is timing out", e.getMessage());
  }

  @Test
  void storesRefuseMisuse() {
    MapWithStateStore<String, Long> store = new MapWithStateStore<>(0, 10, 4);
    IllegalStateException e = assertThrows(IllegalStateException.class, store::close);
    assertEquals("no state is open", e.getMessage());
    store.beginBatch(2, 3 * SECOND);
    e = assertThrows(IllegalStateException.class, () -> store.beginBatch(2, 3 * SECOND));
    assertEquals("batch 2 comes after batch 2 in a state store", e.getMessage());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class, () -> new MapWithStateStore<String, Long>(-1, 10, 4));
    assertEquals(
        "timeout must be at least 0 ms and full scans at least every batch, not -1 ms and every 10",
        bad.getMessage());
  }

  static List<List<KV<String, Long>>> ones(String... lines) {
    List<List<KV<String, Long>>> batches = new ArrayList<>();
    for (String line : lines) {
      batches.add(
          line.isEmpty()
              ? List.of()
              : Arrays.stream(line.split(" ")).map(w -> KV.of(w, 1L)).toList());
    }
    return batches;
  }

  static List<List<String>> sorted(List<List<String>> batches) {
    return batches.stream().map(b -> b.stream().sorted().toList()).toList();
  }
}
