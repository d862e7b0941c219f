package dev.sluice.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.KV;
import dev.sluice.runtime.internal.state.StateReference.MapWithStateOutput;
import dev.sluice.runtime.internal.state.StateReference.MappingFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random batches (empty ones and long idle stretches included) through the stores, driven as
 * generated code drives them over one and three partitions, equal the reference model batch by
 * batch: states after every batch, and each batch's outputs as a multiset (partitions interleave
 * keys; order within a key is pinned by the exact tests).
 */
class StatePropertyTest {

  /** Sums; removes a key whose batch had no values and whose sum is a multiple of 3. */
  private static final BiFunction<List<Long>, Optional<Long>, Optional<Long>> UPDATE =
      (values, state) -> {
        long sum = state.orElse(0L) + values.stream().mapToLong(Long::longValue).sum();
        return values.isEmpty() && sum % 3 == 0 ? Optional.empty() : Optional.of(sum);
      };

  /** Value 0 removes, an odd value reads, an even one adds; timing-out calls report. */
  private static final MappingFunction<String, Long, Long, String> MAP =
      (key, value, state) -> {
        if (state.isTimingOut()) {
          return key + " timeout " + state.get();
        }
        long v = value.orElseThrow();
        if (v == 0) {
          state.remove();
          return key + " removed";
        }
        if (v % 2 == 1) {
          return key + " reads " + state.getOption();
        }
        state.update(state.getOption().orElse(0L) + v);
        return key + "=" + state.get();
      };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void storesEqualTheReferenceModel(long seed) {
    Random random = new Random(seed);
    List<List<KV<String, Long>>> batches = randomBatches(random);
    for (int partitions : new int[] {1, 3}) {
      String where = "seed " + seed + ", partitions " + partitions;
      assertEquals(
          StateReference.updateStateByKey(batches, UPDATE),
          GeneratedStateCode.updateStateByKey(batches, partitions, UPDATE),
          where);
      for (long timeout : new long[] {0, 1000, 2500, 7000}) {
        for (int fullScan : new int[] {1, 3, 10}) {
          String run = where + ", timeout " + timeout + ", full scan " + fullScan;
          MapWithStateOutput<String, Long, String> expected =
              StateReference.mapWithState(batches, MAP, 1000, timeout, fullScan);
          MapWithStateOutput<String, Long, String> actual =
              GeneratedStateCode.mapWithState(batches, partitions, MAP, 1000, timeout, fullScan);
          assertEquals(
              StateSemanticsTest.sorted(expected.mapped()),
              StateSemanticsTest.sorted(actual.mapped()),
              run);
          assertEquals(expected.snapshots(), actual.snapshots(), run);
        }
      }
    }
  }

  /** 40 batches over 12 keys: bursts of 0 to 8 records, a third of the batches empty. */
  private static List<List<KV<String, Long>>> randomBatches(Random random) {
    List<List<KV<String, Long>>> batches = new ArrayList<>();
    for (int b = 0; b < 40; b++) {
      List<KV<String, Long>> batch = new ArrayList<>();
      int records = random.nextInt(3) == 0 ? 0 : random.nextInt(9);
      for (int r = 0; r < records; r++) {
        batch.add(KV.of("k" + random.nextInt(12), (long) random.nextInt(7)));
      }
      batches.add(batch);
    }
    return batches;
  }
}
