package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * One key partition's incremental window with an inverse function and unboxed {@code long} values:
 * {@code reduceByKeyAndWindow(f, fInverse, length, slide[, filter])}, and the operators Spark
 * builds on it: {@code countByValueAndWindow} (sum, difference, filter "count is not 0"), and over
 * a single key {@code reduceByWindow(f, fInverse, ...)} and {@code countByWindow}.
 *
 * <p>It keeps a ring of {@code length + slide} per-batch aggregates, filled each batch through
 * {@link #batch(long)} as for {@code reduceByKey}, and a running aggregate per key: the previous
 * window's value. At each emit batch {@code i}, {@link #slide(long)} updates it exactly as Spark
 * does:
 *
 * <ul>
 *   <li>the batches that left, {@code max(0, i-slide-length+1) .. i-length}, are reduced per key in
 *       batch order into {@code old}; the batches that entered, {@code max(0, i-slide+1) .. i},
 *       into {@code new};
 *   <li>a key with a previous value becomes {@code f(fInverse(previous, old), new)}, leaving out
 *       the step whose side is absent; a key without one becomes {@code new};
 *   <li>a key without a previous value that only left (possible only after a filter removed it
 *       while it still had values in the window) fails the batch, as in Spark;
 *   <li>without a filter every key ever seen stays, with the "zero" its values cancel to (a count
 *       of 0); with a filter, a changed key that fails it is removed.
 * </ul>
 *
 * <p>The filter is only asked about keys whose value changed at this slide: a key that did not
 * change passed it with the same value before. This relies on the filter being a function of key
 * and value, as Spark requires of its functions.
 *
 * <pre>{@code
 * LongValueMap<String> slot = window.batch(i);
 * // for each (key, value) of the column: combine into slot with the user's reduce
 * if (spec.emitsAt(i)) {
 *   LongValueMap<String> w = window.slide(i);
 *   for (int e = 0; e < w.size(); e++) out.add(KV.of(w.key(e), w.get(e)));
 * }
 * }</pre>
 *
 * <p><b>Threads:</b> one task at a time, the task of its key partition. <b>Allocation:</b> none
 * once its maps have grown. <b>Cost:</b> adding a batch is one hash lookup per record; a slide
 * costs one lookup and at most one call per (key, batch) entry of the batches entering and leaving,
 * independent of the window length and of the keys that did not change; with a filter that removes
 * keys, also one pass over the window's keys to compact them (the emitted output has all of them
 * anyway).
 *
 * @param <K> the key type
 */
public final class LongInverseWindow<K> implements SnapshotState<K, Long> {

  private final WindowSpec spec;
  private final LongBinaryOperator reduce;
  private final LongBinaryOperator inverse;
  private final LongKeyFilter<K> filter;
  private final BatchRing ring;
  private final LongValueMap<K>[] slots;
  private final BatchRing.SlotClearer clearer;
  private final LongValueMap<K> leaving;
  private final LongValueMap<K> entering;
  private LongValueMap<K> window;
  private LongValueMap<K> spare;
  private boolean[] rejected;
  private long lastSlide = -1;

  /**
   * An empty window.
   *
   * @param reduce the user's reduce function, {@code f(a, b)}
   * @param inverse the user's inverse function, {@code fInverse(a, b)}, undoing {@code b}
   * @param filter which keys stay, or {@code null} to keep every key
   * @param expectedKeys about how many keys a batch and the window have
   */
  @SuppressWarnings("unchecked") // every element is set to a new LongValueMap<K> below
  public LongInverseWindow(
      WindowSpec spec,
      LongBinaryOperator reduce,
      LongBinaryOperator inverse,
      LongKeyFilter<K> filter,
      int expectedKeys) {
    this.spec = spec;
    this.reduce = reduce;
    this.inverse = inverse;
    this.filter = filter;
    int ringSize = spec.length() + spec.slide();
    this.ring = new BatchRing(ringSize);
    this.slots = (LongValueMap<K>[]) new LongValueMap<?>[ringSize];
    for (int s = 0; s < ringSize; s++) {
      slots[s] = new LongValueMap<>(expectedKeys);
    }
    this.clearer = slot -> slots[slot].clear();
    this.leaving = new LongValueMap<>(expectedKeys);
    this.entering = new LongValueMap<>(expectedKeys);
    this.window = new LongValueMap<>(expectedKeys);
    this.spare = filter == null ? null : new LongValueMap<>(expectedKeys);
    this.rejected = new boolean[filter == null ? 0 : expectedKeys];
  }

  /**
   * The aggregates of batch {@code batchIndex}, to combine its records into; empty when first asked
   * for that batch. Batches must come in increasing order.
   */
  public LongValueMap<K> batch(long batchIndex) {
    ring.advance(batchIndex, clearer);
    return slots[ring.slot(batchIndex)];
  }

  /**
   * Moves the window to the one emitted at {@code batchIndex} and returns it: every key with its
   * window value. The map is the window's own: read it, never change it, before the next call.
   *
   * @throws IllegalStateException if {@code batchIndex} is not the next emit batch, or a key leaves
   *     the window with no value in the previous window and no new value
   */
  public LongValueMap<K> slide(long batchIndex) {
    long expected = lastSlide + spec.slide();
    if (batchIndex != expected) {
      throw new IllegalStateException(
          "window " + spec + " slides at batch " + expected + " next, not at batch " + batchIndex);
    }
    ring.advance(batchIndex, clearer);
    gather(leaving, batchIndex - spec.slide() - spec.length() + 1, batchIndex - spec.length());
    gather(entering, batchIndex - spec.slide() + 1, batchIndex);
    LongValueMap<K> w = window;
    for (int e = 0, n = leaving.size(); e < n; e++) {
      K key = leaving.key(e);
      int entry = w.find(key);
      if (entry >= 0) {
        w.set(entry, inverse.applyAsLong(w.get(entry), leaving.get(e)));
      } else if (entering.find(key) < 0) {
        throw new IllegalStateException(
            "key "
                + key
                + " leaves the window at batch "
                + batchIndex
                + " with no value in the previous window and no new values");
      }
    }
    for (int e = 0, n = entering.size(); e < n; e++) {
      int entry = w.add(entering.key(e));
      if (entry < 0) {
        w.set(~entry, entering.get(e));
      } else {
        w.set(entry, reduce.applyAsLong(w.get(entry), entering.get(e)));
      }
    }
    if (filter != null) {
      applyFilter();
    }
    lastSlide = batchIndex;
    return window;
  }

  /** Reduces batches {@code from .. to} per key, in batch order, into {@code into}. */
  private void gather(LongValueMap<K> into, long from, long to) {
    into.clear();
    for (long b = Math.max(0, from); b <= to; b++) {
      LongValueMap<K> slot = slots[ring.slot(b)];
      for (int e = 0, n = slot.size(); e < n; e++) {
        int entry = into.add(slot.key(e));
        if (entry < 0) {
          into.set(~entry, slot.get(e));
        } else {
          into.set(entry, reduce.applyAsLong(into.get(entry), slot.get(e)));
        }
      }
    }
  }

  /** Asks the filter about every key that changed; compacts the window if it rejected any. */
  private void applyFilter() {
    LongValueMap<K> w = window;
    if (rejected.length < w.size()) {
      rejected = Arrays.copyOf(rejected, Math.max(w.size(), rejected.length * 2));
    }
    boolean any = false;
    for (int e = 0, n = entering.size(); e < n; e++) {
      any |= reject(w, w.find(entering.key(e)));
    }
    for (int e = 0, n = leaving.size(); e < n; e++) {
      K key = leaving.key(e);
      if (entering.find(key) < 0) {
        any |= reject(w, w.find(key));
      }
    }
    if (!any) {
      return;
    }
    LongValueMap<K> kept = spare;
    kept.clear();
    for (int e = 0, n = w.size(); e < n; e++) {
      if (rejected[e]) {
        rejected[e] = false;
      } else {
        kept.set(~kept.add(w.key(e)), w.get(e));
      }
    }
    spare = w;
    window = kept;
  }

  private boolean reject(LongValueMap<K> w, int entry) {
    if (filter.test(w.key(entry), w.get(entry))) {
      return false;
    }
    rejected[entry] = true;
    return true;
  }

  /**
   * The batches the ring holds, a section each, and the window's running values in a section tagged
   * -1; positions: the last batch and the last slide.
   */
  @Override
  public PartitionImage<K, Long> image() {
    PartitionImage<K, Long> image = new PartitionImage<>(ring.lastBatch(), lastSlide);
    SlotImages.copyLong(ring, slots, image);
    SlotImages.copyLong(window, image.addSection(SlotImages.RUNNING, window.size()));
    return image;
  }

  @Override
  public void restore(PartitionImage<K, Long> image) {
    SlotImages.fillLong(ring, slots, image);
    for (PartitionImage.Section<K, Long> section : image.sections()) {
      if (section.tag() == SlotImages.RUNNING) {
        SlotImages.fillLong(window, section);
      }
    }
    lastSlide = image.position(1);
  }
}
