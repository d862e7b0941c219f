package dev.sluice.runtime.internal.snapshot;

import dev.sluice.api.Codec;
import java.util.List;
import java.util.Objects;

/**
 * The stores of one stateful stage across partitions, as the generated program declares them for
 * snapshots: the stage's name (its operator id, stable across code changes), a signature of what
 * defines its semantics (the kind of store, its types, its window), and the codecs of its keys and
 * values.
 *
 * @param name the stage's name; unique in the pipeline
 * @param signature what must not change for a snapshot to be restored into this stage, as text
 *     shown to the user when it did change (for example {@code updateStateByKey String -> Long})
 * @param partitions the store of each partition, indexed by partition
 * @param keys the codec of the keys, or {@code null} for a store without keys (its images are dealt
 *     by partition number when the parallelism changes)
 * @param values the codec of the values
 * @param <K> the key type of the stores' images
 * @param <V> the value type of the stores' images
 */
public record StageState<K, V>(
    String name,
    String signature,
    List<? extends SnapshotState<K, V>> partitions,
    Codec<K> keys,
    Codec<V> values) {

  public StageState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(signature, "signature");
    partitions = List.copyOf(partitions);
    Objects.requireNonNull(values, "values");
  }

  /** A stage whose stores hold keys: images are split by key when the parallelism changes. */
  public static <K, V> StageState<K, V> keyed(
      String name,
      String signature,
      List<? extends SnapshotState<K, V>> partitions,
      Codec<K> keys,
      Codec<V> values) {
    return new StageState<>(name, signature, partitions, Objects.requireNonNull(keys), values);
  }

  /** A stage whose stores hold records without keys, such as {@code window(length, slide)}. */
  public static <V> StageState<Void, V> unkeyed(
      String name,
      String signature,
      List<? extends SnapshotState<Void, V>> partitions,
      Codec<V> values) {
    return new StageState<>(name, signature, partitions, null, values);
  }
}
