package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.internal.state.StateReference;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * updateStateByKey through the real runtime on a manual clock, each batch compared with {@link
 * StateReference}: keys without new values (and whole empty batches) still updated, a key removed
 * when the function returns empty, the full state emitted every batch.
 */
@Timeout(60)
class StateOpsTest {

  static final List<List<String>> WORDS =
      List.of(
          List.of("a", "b", "a"),
          List.of(),
          List.of("c", "a"),
          List.of(),
          List.of(),
          List.of("b"),
          List.of());

  private static Map<String, List<Batch<Object>>> out;

  /** Adds the new values to the count (times ten), counts idle batches, drops after two. */
  static Optional<Long> update(List<Long> values, Optional<Long> state) {
    long previous = state.orElse(0L);
    long count = previous / 10 + values.size();
    long idle = values.isEmpty() ? previous % 10 + 1 : 0;
    return idle > 2 ? Optional.empty() : Optional.of(count * 10 + idle);
  }

  @BeforeAll
  static void run() throws Exception {
    out = Harness.run(StateOpsPipeline.builder().words(Sources.batches(WORDS)), 2, WORDS.size());
  }

  private static List<Map<String, Long>> expected() {
    List<List<KV<String, Long>>> pairs =
        WORDS.stream().map(batch -> batch.stream().map(w -> KV.of(w, 1L)).toList()).toList();
    return StateReference.updateStateByKey(pairs, StateOpsTest::update).stream()
        .map(map -> (Map<String, Long>) new TreeMap<>(map))
        .toList();
  }

  @Test
  void everyBatchEmitsTheFullStateUpdatedForEveryKey() {
    List<Map<String, Long>> actual = new ArrayList<>();
    for (Batch<Object> batch : out.get("runningOut")) {
      Map<String, Long> map = new TreeMap<>();
      for (Object record : batch.toList()) {
        KV<?, ?> kv = (KV<?, ?>) record;
        map.put((String) kv.key(), (Long) kv.value());
      }
      actual.add(map);
    }
    List<Map<String, Long>> expected = expected();
    assertEquals(expected, actual);
    assertEquals(Map.of("a", 32L, "c", 12L), expected.get(4));
    assertEquals(Map.of("b", 11L), expected.get(6));
  }

  @Test
  void stagesAfterTheStateRunInItsLoop() {
    List<List<String>> expected =
        expected().stream()
            .map(map -> map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
            .toList();
    assertEquals(expected, Harness.multisets(out.get("describedOut")));
  }
}
