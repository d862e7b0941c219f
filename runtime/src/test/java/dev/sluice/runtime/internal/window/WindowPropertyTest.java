package dev.sluice.runtime.internal.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.KV;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random batches (empty ones included, and a tail of empty batches so windows drain) over
 * every length and slide up to 5 and 6, one and three partitions: the stores, driven as generated
 * code drives them, equal the reference model batch by batch.
 */
class WindowPropertyTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void storesEqualTheReferenceModel(long seed) {
    Random random = new Random(seed);
    List<List<KV<String, Long>>> pairs = randomPairs(random);
    List<List<String>> words = keysOf(pairs);
    for (int length = 1; length <= 5; length++) {
      for (int slide = 1; slide <= 6; slide++) {
        String where = "seed " + seed + ", length " + length + ", slide " + slide;
        WindowSpec spec = new WindowSpec(length, slide);
        for (int partitions : new int[] {1, 3}) {
          assertEquals(
              WindowReference.reduceByKeyAndWindow(pairs, length, slide, Long::sum),
              GeneratedWindowCode.reduceLongs(pairs, partitions, spec, Long::sum),
              where);
          assertEquals(
              WindowReference.reduceByKeyAndWindow(pairs, length, slide, Math::max),
              GeneratedWindowCode.reduceObjects(pairs, partitions, spec, Math::max),
              where);
          assertEquals(
              WindowReference.groupByKeyAndWindow(pairs, length, slide),
              GeneratedWindowCode.group(pairs, partitions, spec),
              where);
          assertEquals(
              WindowReference.window(words, length, slide),
              GeneratedWindowCode.window(words, partitions, spec),
              where);
          if (slide <= length) { // Spark's inverse windows are exact sums only then
            assertEquals(
                WindowReference.sumByKeyAndWindow(pairs, length, slide, null),
                GeneratedWindowCode.inverseLongs(
                    pairs, partitions, spec, Long::sum, (a, b) -> a - b, null),
                where);
            // a filter rejecting a key that still has values in the window fails in Spark
            assertEquals(
                WindowReference.sumByKeyAndWindow(
                    pairs, length, slide, (k, v) -> v != 0 || k.equals("k0")),
                GeneratedWindowCode.inverseLongs(
                    pairs,
                    partitions,
                    spec,
                    Long::sum,
                    (a, b) -> a - b,
                    (k, v) -> v != 0 || k.equals("k0")),
                where);
            assertEquals(
                WindowReference.sumByKeyAndWindow(
                    pairs, length, slide, (k, v) -> v != 0 || k.equals("k1")),
                GeneratedWindowCode.inverseObjects(
                    pairs,
                    partitions,
                    spec,
                    Long::sum,
                    (a, b) -> a - b,
                    (k, v) -> v != 0 || k.equals("k1")),
                where);
            assertEquals(
                WindowReference.countByValueAndWindow(words, length, slide),
                GeneratedWindowCode.countByValue(words, partitions, spec),
                where);
            assertEquals(
                WindowReference.countByWindow(words, length, slide),
                GeneratedWindowCode.countByWindow(words, spec),
                where);
          }
        }
      }
    }
  }

  /** 12 to 20 batches of 0 to 6 records over 6 keys (a quarter of them empty), then 8 empty. */
  private static List<List<KV<String, Long>>> randomPairs(Random random) {
    List<List<KV<String, Long>>> batches = new ArrayList<>();
    int count = 12 + random.nextInt(9);
    for (int b = 0; b < count; b++) {
      List<KV<String, Long>> batch = new ArrayList<>();
      int records = random.nextInt(4) == 0 ? 0 : random.nextInt(7);
      for (int r = 0; r < records; r++) {
        batch.add(KV.of("k" + random.nextInt(6), 1L + random.nextInt(9)));
      }
      batches.add(batch);
    }
    for (int b = 0; b < 8; b++) {
      batches.add(List.of());
    }
    return batches;
  }

  private static List<List<String>> keysOf(List<List<KV<String, Long>>> pairs) {
    List<List<String>> words = new ArrayList<>();
    for (List<KV<String, Long>> batch : pairs) {
      words.add(batch.stream().map(KV::key).toList());
    }
    return words;
  }
}
