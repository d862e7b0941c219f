package dev.sluice.runtime.internal.window;

import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/**
 * One key partition's incremental window with an inverse function and reference values: the boxed
 * counterpart of {@link LongInverseWindow}, with the same rules and protocol (combine each batch
 * into {@link #batch(long)}, call {@link #slide(long)} at every emit batch).
 *
 * <p><b>Threads:</b> one task at a time, the task of its key partition. <b>Allocation:</b> none
 * once its maps have grown, beyond what the user's functions allocate. <b>Cost:</b> as {@link
 * LongInverseWindow}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ObjectInverseWindow<K, V> implements SnapshotState<K, V> {

  private final WindowSpec spec;
  private final BinaryOperator<V> reduce;
  private final BinaryOperator<V> inverse;
  private final BiPredicate<? super K, ? super V> filter;
  private final BatchRing ring;
  private final ObjectValueMap<K, V>[] slots;
  private final BatchRing.SlotClearer clearer;
  private final ObjectValueMap<K, V> leaving;
  private final ObjectValueMap<K, V> entering;
  private ObjectValueMap<K, V> window;
  private ObjectValueMap<K, V> spare;
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
  @SuppressWarnings("unchecked") // every element is set to a new ObjectValueMap<K, V> below
  public ObjectInverseWindow(
      WindowSpec spec,
      BinaryOperator<V> reduce,
      BinaryOperator<V> inverse,
      BiPredicate<? super K, ? super V> filter,
      int expectedKeys) {
    this.spec = spec;
    this.reduce = reduce;
    this.inverse = inverse;
    this.filter = filter;
    int ringSize = spec.length() + spec.slide();
    this.ring = new BatchRing(ringSize);
    this.slots = (ObjectValueMap<K, V>[]) new ObjectValueMap<?, ?>[ringSize];
    for (int s = 0; s < ringSize; s++) {
      slots[s] = new ObjectValueMap<>(expectedKeys);
    }
    this.clearer = slot -> slots[slot].clear();
    this.leaving = new ObjectValueMap<>(expectedKeys);
    this.entering = new ObjectValueMap<>(expectedKeys);
    this.window = new ObjectValueMap<>(expectedKeys);
    this.spare = filter == null ? null : new ObjectValueMap<>(expectedKeys);
    this.rejected = new boolean[filter == null ? 0 : expectedKeys];
  }

  /**
   * The aggregates of batch {@code batchIndex}, to combine its records into; empty when first asked
   * for that batch. Batches must come in increasing order.
   */
  public ObjectValueMap<K, V> batch(long batchIndex) {
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
  public ObjectValueMap<K, V> slide(long batchIndex) {
    long expected = lastSlide + spec.slide();
    if (batchIndex != expected) {
      throw new IllegalStateException(
          "window " + spec + " slides at batch " + expected + " next, not at batch " + batchIndex);
    }
    ring.advance(batchIndex, clearer);
    gather(leaving, batchIndex - spec.slide() - spec.length() + 1, batchIndex - spec.length());
    gather(entering, batchIndex - spec.slide() + 1, batchIndex);
    ObjectValueMap<K, V> w = window;
    for (int e = 0, n = leaving.size(); e < n; e++) {
      K key = leaving.key(e);
      int entry = w.find(key);
      if (entry >= 0) {
        w.set(entry, inverse.apply(w.get(entry), leaving.get(e)));
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
        w.set(entry, reduce.apply(w.get(entry), entering.get(e)));
      }
    }
    if (filter != null) {
      applyFilter();
    }
    lastSlide = batchIndex;
    return window;
  }

  /** Reduces batches {@code from .. to} per key, in batch order, into {@code into}. */
  private void gather(ObjectValueMap<K, V> into, long from, long to) {
    into.clear();
    for (long b = Math.max(0, from); b <= to; b++) {
      ObjectValueMap<K, V> slot = slots[ring.slot(b)];
      for (int e = 0, n = slot.size(); e < n; e++) {
        int entry = into.add(slot.key(e));
        if (entry < 0) {
          into.set(~entry, slot.get(e));
        } else {
          into.set(entry, reduce.apply(into.get(entry), slot.get(e)));
        }
      }
    }
  }

  /** Asks the filter about every key that changed; compacts the window if it rejected any. */
  private void applyFilter() {
    ObjectValueMap<K, V> w = window;
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
    ObjectValueMap<K, V> kept = spare;
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

  private boolean reject(ObjectValueMap<K, V> w, int entry) {
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
  public PartitionImage<K, V> image() {
    PartitionImage<K, V> image = new PartitionImage<>(ring.lastBatch(), lastSlide);
    SlotImages.copyObject(ring, slots, image);
    SlotImages.copyObject(window, image.addSection(SlotImages.RUNNING, window.size()));
    return image;
  }

  @Override
  public void restore(PartitionImage<K, V> image) {
    SlotImages.fillObject(ring, slots, image);
    for (PartitionImage.Section<K, V> section : image.sections()) {
      if (section.tag() == SlotImages.RUNNING) {
        SlotImages.fillObject(window, section);
      }
    }
    lastSlide = image.position(1);
  }
}
