package dev.sluice.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Codec;
import dev.sluice.api.KV;
import dev.sluice.api.State;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.snapshot.ImageEncoding;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.window.GroupWindowSlots;
import dev.sluice.runtime.internal.window.LongInverseWindow;
import dev.sluice.runtime.internal.window.LongWindowSlots;
import dev.sluice.runtime.internal.window.ObjectInverseWindow;
import dev.sluice.runtime.internal.window.ObjectWindowSlots;
import dev.sluice.runtime.internal.window.RecordWindowSlots;
import dev.sluice.runtime.internal.window.WindowSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every state store and window, snapshotted after a random batch (image, encode, decode, split over
 * a random other parallelism, restore into new stores), goes on to emit what an uninterrupted run
 * emits. Keyed outputs are compared as maps per batch (the order of keys depends on the
 * partitions); a key's own values keep their order. Outputs of records without keys are compared
 * exactly when the parallelism stays, and as sorted lists when it changes.
 */
class SnapshotRoundTripTest {

  private static final int BATCHES = 14;
  private static final int ROUNDS = 40;

  /** One stateful store kind, driven batch by batch as generated code drives it. */
  private interface Kind<S extends SnapshotState<K, V>, K, V> {
    S fresh();

    /** Runs batch {@code i} over {@code stores}; the batch's output, or {@code null}. */
    Object batch(List<S> stores, int i, List<KV<String, Long>> records);

    Codec<K> keys();

    Codec<V> values();
  }

  @Test
  void updateStateByKey() {
    check(
        new Keyed<UpdateStateStore<String, Long, Long>, Long>(Codecs.longs()) {
          @Override
          public UpdateStateStore<String, Long, Long> fresh() {
            return new UpdateStateStore<>(4);
          }

          @Override
          public Object batch(
              List<UpdateStateStore<String, Long, Long>> stores,
              int i,
              List<KV<String, Long>> records) {
            stores.forEach(store -> store.open(i));
            for (KV<String, Long> kv : records) {
              stores.get(partition(kv, stores)).add(kv.key(), kv.value());
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (UpdateStateStore<String, Long, Long> store : stores) {
              ObjectValueMap<String, Long> state =
                  store.update(
                      (values, old) -> {
                        long sum = old.orElse(0L);
                        for (long v : values) {
                          sum += v;
                        }
                        return sum > 12 ? Optional.empty() : Optional.of(sum); // keys come and go
                      });
              for (int e = 0; e < state.size(); e++) {
                out.put(state.key(e), state.get(e));
              }
            }
            return out;
          }
        });
  }

  @Test
  void mapWithStateWithTimeouts() {
    check(
        new Keyed<MapWithStateStore<String, Long>, Long>(Codecs.longs()) {
          @Override
          public MapWithStateStore<String, Long> fresh() {
            return new MapWithStateStore<>(2500, 2, 4);
          }

          @Override
          public Object batch(
              List<MapWithStateStore<String, Long>> stores, int i, List<KV<String, Long>> records) {
            List<String> mapped = new ArrayList<>();
            Map<String, Long> snapshot = new LinkedHashMap<>();
            for (int p = 0; p < stores.size(); p++) {
              MapWithStateStore<String, Long> store = stores.get(p);
              store.beginBatch(i, (i + 1) * 1000L);
              for (KV<String, Long> kv : records) {
                if (partition(kv, stores) == p) {
                  State<Long> state = store.open(kv.key());
                  long sum = state.getOption().orElse(0L) + kv.value();
                  state.update(sum);
                  mapped.add(kv.key() + "=" + sum);
                  store.close();
                }
              }
              for (int t = 0, n = store.timeouts(); t < n; t++) {
                String key = store.timedOutKey(t);
                mapped.add(key + " timed out at " + store.openTimingOut(t).get());
              }
              store.endBatch();
              for (int e = 0; e < store.size(); e++) {
                snapshot.put(store.key(e), store.state(e));
              }
            }
            mapped.sort(null); // the order of calls depends on the partitions
            return List.of(mapped, snapshot);
          }
        });
  }

  @Test
  void reduceByKeyAndWindowWithLongs() {
    WindowSpec spec = new WindowSpec(4, 2);
    check(
        new Keyed<LongWindowSlots<String>, Long>(Codecs.longs()) {
          @Override
          public LongWindowSlots<String> fresh() {
            return new LongWindowSlots<>(spec, 4);
          }

          @Override
          public Object batch(
              List<LongWindowSlots<String>> stores, int i, List<KV<String, Long>> records) {
            stores.forEach(store -> store.batch(i));
            for (KV<String, Long> kv : records) {
              LongValueMap<String> slot = stores.get(partition(kv, stores)).batch(i);
              int e = slot.add(kv.key());
              slot.set(e < 0 ? ~e : e, (e < 0 ? 0 : slot.get(e)) + kv.value());
            }
            if (!spec.emitsAt(i)) {
              return null;
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (LongWindowSlots<String> store : stores) {
              LongValueMap<String> window = store.reduceWindow(i, Long::sum);
              for (int e = 0; e < window.size(); e++) {
                out.put(window.key(e), window.get(e));
              }
            }
            return out;
          }
        });
  }

  @Test
  void reduceByKeyAndWindowWithObjects() {
    WindowSpec spec = new WindowSpec(3, 1);
    check(
        new Keyed<ObjectWindowSlots<String, Long>, Long>(Codecs.longs()) {
          @Override
          public ObjectWindowSlots<String, Long> fresh() {
            return new ObjectWindowSlots<>(spec, 4);
          }

          @Override
          public Object batch(
              List<ObjectWindowSlots<String, Long>> stores, int i, List<KV<String, Long>> records) {
            stores.forEach(store -> store.batch(i));
            for (KV<String, Long> kv : records) {
              ObjectValueMap<String, Long> slot = stores.get(partition(kv, stores)).batch(i);
              int e = slot.add(kv.key());
              slot.set(e < 0 ? ~e : e, e < 0 ? kv.value() : slot.get(e) * 3 + kv.value());
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (ObjectWindowSlots<String, Long> store : stores) {
              ObjectValueMap<String, Long> window = store.reduceWindow(i, (a, b) -> a * 3 + b);
              for (int e = 0; e < window.size(); e++) {
                out.put(window.key(e), window.get(e));
              }
            }
            return out;
          }
        });
  }

  @Test
  void reduceByKeyAndWindowWithAnInverseAndAFilter() {
    WindowSpec spec = new WindowSpec(4, 2);
    check(
        new Keyed<LongInverseWindow<String>, Long>(Codecs.longs()) {
          @Override
          public LongInverseWindow<String> fresh() {
            return new LongInverseWindow<>(spec, Long::sum, (a, b) -> a - b, (k, v) -> v != 0, 4);
          }

          @Override
          public Object batch(
              List<LongInverseWindow<String>> stores, int i, List<KV<String, Long>> records) {
            stores.forEach(store -> store.batch(i));
            for (KV<String, Long> kv : records) {
              LongValueMap<String> slot = stores.get(partition(kv, stores)).batch(i);
              int e = slot.add(kv.key());
              slot.set(e < 0 ? ~e : e, (e < 0 ? 0 : slot.get(e)) + kv.value());
            }
            if (!spec.emitsAt(i)) {
              return null;
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (LongInverseWindow<String> store : stores) {
              LongValueMap<String> window = store.slide(i);
              for (int e = 0; e < window.size(); e++) {
                out.put(window.key(e), window.get(e));
              }
            }
            return out;
          }
        });
  }

  @Test
  void reduceByKeyAndWindowWithAnInverseOverObjects() {
    WindowSpec spec = new WindowSpec(3, 1);
    check(
        new Keyed<ObjectInverseWindow<String, Long>, Long>(Codecs.longs()) {
          @Override
          public ObjectInverseWindow<String, Long> fresh() {
            return new ObjectInverseWindow<>(spec, Long::sum, (a, b) -> a - b, null, 4);
          }

          @Override
          public Object batch(
              List<ObjectInverseWindow<String, Long>> stores,
              int i,
              List<KV<String, Long>> records) {
            stores.forEach(store -> store.batch(i));
            for (KV<String, Long> kv : records) {
              ObjectValueMap<String, Long> slot = stores.get(partition(kv, stores)).batch(i);
              int e = slot.add(kv.key());
              slot.set(e < 0 ? ~e : e, e < 0 ? kv.value() : slot.get(e) + kv.value());
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (ObjectInverseWindow<String, Long> store : stores) {
              ObjectValueMap<String, Long> window = store.slide(i);
              for (int e = 0; e < window.size(); e++) {
                out.put(window.key(e), window.get(e));
              }
            }
            return out;
          }
        });
  }

  @Test
  void groupByKeyAndWindow() {
    WindowSpec spec = new WindowSpec(3, 2);
    check(
        new Keyed<GroupWindowSlots<String, Long>, Long>(Codecs.longs()) {
          @Override
          public GroupWindowSlots<String, Long> fresh() {
            return new GroupWindowSlots<>(spec, 4);
          }

          @Override
          public Object batch(
              List<GroupWindowSlots<String, Long>> stores, int i, List<KV<String, Long>> records) {
            stores.forEach(store -> store.open(i));
            for (KV<String, Long> kv : records) {
              stores.get(partition(kv, stores)).add(kv.key(), kv.value());
            }
            if (!spec.emitsAt(i)) {
              return null;
            }
            Map<String, List<Long>> out = new LinkedHashMap<>();
            for (GroupWindowSlots<String, Long> store : stores) {
              ObjectValueMap<String, List<Long>> window = store.groupWindow(i);
              for (int e = 0; e < window.size(); e++) {
                out.put(window.key(e), window.get(e));
              }
            }
            return out;
          }
        });
  }

  @Test
  void windowOfRecords() {
    WindowSpec spec = new WindowSpec(3, 1);
    check(
        new Kind<RecordWindowSlots<String>, Void, String>() {
          @Override
          public RecordWindowSlots<String> fresh() {
            return new RecordWindowSlots<>(spec);
          }

          @Override
          public Object batch(
              List<RecordWindowSlots<String>> stores, int i, List<KV<String, Long>> records) {
            int partitions = stores.size();
            for (int p = 0; p < partitions; p++) {
              List<String> slot = stores.get(p).batch(i);
              for (KV<String, Long> kv :
                  records.subList(
                      records.size() * p / partitions, records.size() * (p + 1) / partitions)) {
                slot.add(kv.key() + kv.value());
              }
            }
            List<String> out = new ArrayList<>();
            for (int k = 0, n = stores.get(0).batchesIn(i); k < n; k++) {
              for (RecordWindowSlots<String> store : stores) {
                out.addAll(store.batchIn(i, k));
              }
            }
            return out;
          }

          @Override
          public Codec<Void> keys() {
            return null;
          }

          @Override
          public Codec<String> values() {
            return Codecs.string();
          }
        });
  }

  @Test
  void aStoreThatRanABatchRefusesARestore() {
    UpdateStateStore<String, Long, Long> store = new UpdateStateStore<>(4);
    store.open(0);
    store.update((values, old) -> old);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store.restore(new PartitionImage<>(3)));
    assertEquals("a state store can only be restored before its first batch", e.getMessage());
  }

  /** The key codec of every keyed kind here: strings. */
  private abstract static class Keyed<S extends SnapshotState<String, V>, V>
      implements Kind<S, String, V> {
    private final Codec<V> values;

    Keyed(Codec<V> values) {
      this.values = values;
    }

    @Override
    public Codec<String> keys() {
      return Codecs.string();
    }

    @Override
    public Codec<V> values() {
      return values;
    }
  }

  private static int partition(KV<String, Long> kv, List<?> stores) {
    return Partitioner.partition(kv.key(), stores.size());
  }

  private static <S extends SnapshotState<K, V>, K, V> void check(Kind<S, K, V> kind) {
    Random random = new Random(42);
    for (int round = 0; round < ROUNDS; round++) {
      List<List<KV<String, Long>>> batches = batches(random);
      int partitions = 1 + random.nextInt(3);
      int restartAfter = random.nextInt(BATCHES - 1);
      int restartPartitions = 1 + random.nextInt(4);
      List<Object> expected = run(kind, batches, partitions, -1, 0);
      List<Object> actual = run(kind, batches, partitions, restartAfter, restartPartitions);
      for (int i = restartAfter + 1; i < BATCHES; i++) {
        Object want = expected.get(i);
        Object got = actual.get(i);
        if (want instanceof List<?> records
            && kind.keys() == null
            && restartPartitions != partitions) {
          want = sorted(records);
          got = sorted((List<?>) got);
        }
        assertEquals(
            want,
            got,
            "batch "
                + i
                + " after a restart after batch "
                + restartAfter
                + " from "
                + partitions
                + " to "
                + restartPartitions
                + " partitions in round "
                + round);
      }
    }
  }

  private static <S extends SnapshotState<K, V>, K, V> List<Object> run(
      Kind<S, K, V> kind,
      List<List<KV<String, Long>>> batches,
      int partitions,
      int restartAfter,
      int restartPartitions) {
    List<S> stores = stores(kind::fresh, partitions);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      out.add(kind.batch(stores, i, batches.get(i)));
      if (i == restartAfter) {
        stores = restart(kind, stores, restartPartitions);
      }
    }
    return out;
  }

  /** What a restart does: images, their bytes, decoded, split over the new partitions, restored. */
  private static <S extends SnapshotState<K, V>, K, V> List<S> restart(
      Kind<S, K, V> kind, List<S> stores, int partitions) {
    StageState<K, V> stage = new StageState<>("s", "sig", stores, kind.keys(), kind.values());
    List<PartitionImage<K, V>> decoded = new ArrayList<>();
    try {
      for (S store : stores) {
        decoded.add(ImageEncoding.decode(stage, ImageEncoding.encode(stage, store.image())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<PartitionImage<K, V>> images =
        Redistribution.redistribute(decoded, partitions, kind.keys() != null);
    List<S> restored = stores(kind::fresh, partitions);
    for (int p = 0; p < partitions; p++) {
      restored.get(p).restore(images.get(p));
    }
    return restored;
  }

  private static <S> List<S> stores(Supplier<S> fresh, int partitions) {
    List<S> stores = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      stores.add(fresh.get());
    }
    return stores;
  }

  private static List<List<KV<String, Long>>> batches(Random random) {
    List<List<KV<String, Long>>> batches = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      List<KV<String, Long>> batch = new ArrayList<>();
      for (int r = random.nextInt(7); r > 0; r--) {
        batch.add(KV.of(String.valueOf((char) ('a' + random.nextInt(9))), 1L + random.nextInt(4)));
      }
      batches.add(batch);
    }
    return batches;
  }

  private static List<String> sorted(List<?> records) {
    return records.stream().map(String::valueOf).sorted().toList();
  }
}
