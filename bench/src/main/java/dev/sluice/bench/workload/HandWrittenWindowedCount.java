package dev.sluice.bench.workload;

import dev.sluice.api.KV;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference for a windowed word count kept incrementally, as a Java developer would write it:
 * each batch is counted into its own {@code HashMap} in a ring of {@code window} slots, and a
 * running total adds the entering batch and subtracts the one that leaves. Like the generated
 * operator without a filter, a word stays in the total (at 0) once seen.
 *
 * <p><b>Threads:</b> one thread; it keeps the window between calls.
 */
public final class HandWrittenWindowedCount {

  private final Map<String, long[]>[] ring;
  private final Map<String, long[]> total = new HashMap<>();
  private long batches;

  /** A window of {@code window} batches, sliding every batch. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of one generic map type
  public HandWrittenWindowedCount(int window) {
    ring = new Map[window];
    for (int slot = 0; slot < window; slot++) {
      ring[slot] = new HashMap<>();
    }
  }

  /** Slides the window over the next batch and adds its counts, word by word, to {@code out}. */
  public void next(List<String> lines, List<KV<String, Long>> out) {
    Map<String, long[]> slot = ring[(int) (batches++ % ring.length)];
    for (Map.Entry<String, long[]> leaving : slot.entrySet()) { // empty for the first batches
      total.get(leaving.getKey())[0] -= leaving.getValue()[0];
    }
    slot.clear();
    for (String line : lines) {
      for (String word : line.split(" ")) {
        long[] count = slot.get(word);
        if (count == null) {
          slot.put(word, new long[] {1});
        } else {
          count[0]++;
        }
      }
    }
    for (Map.Entry<String, long[]> entering : slot.entrySet()) {
      long[] count = total.get(entering.getKey());
      if (count == null) {
        total.put(entering.getKey(), new long[] {entering.getValue()[0]});
      } else {
        count[0] += entering.getValue()[0];
      }
    }
    for (Map.Entry<String, long[]> entry : total.entrySet()) {
      out.add(KV.of(entry.getKey(), entry.getValue()[0]));
    }
  }
}
