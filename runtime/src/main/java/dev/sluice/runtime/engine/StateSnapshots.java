package dev.sluice.runtime.engine;

import dev.sluice.runtime.checkpoint.CheckpointException;
import dev.sluice.runtime.checkpoint.StateSnapshot;
import dev.sluice.runtime.checkpoint.StateSnapshot.StageSnapshot;
import dev.sluice.runtime.internal.snapshot.ImageEncoding;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.Redistribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the state of a program's stateful stages into a {@link StateSnapshot}, and restores one
 * into a new program: matched by stage name, checked by signature, split over the new program's
 * partitions by key.
 *
 * <p>Code changes: a stage of the snapshot that the program no longer has is dropped with a warning
 * naming it; a stage the program has and the snapshot lacks starts empty; a stage whose signature
 * changed (its kind, types or window) stops the start with both signatures, since its state cannot
 * be read as the new stage's.
 *
 * <p><b>Threads:</b> stateless. {@link #copy} runs on the driver between batches, when the engine's
 * queues have published every store to it; the copy is encoded on the batch log's writer thread
 * (the submission to its queue publishes it); {@link #restore} runs at start, before any batch.
 */
final class StateSnapshots {

  private static final Logger log = LoggerFactory.getLogger(StateSnapshots.class);

  private StateSnapshots() {}

  /**
   * The state of {@code stages} after batch {@code index}: images of every store, which hold the
   * stores' keys and values, not copies of them, so later batches may replace state values but must
   * not change one in place (as in Spark, state objects are values).
   */
  static CopiedState copy(List<StageState<?, ?>> stages, long index, long time) {
    long start = System.nanoTime();
    List<StageCopy<?, ?>> copies = new ArrayList<>(stages.size());
    for (StageState<?, ?> stage : stages) {
      copies.add(copy(stage));
    }
    return new CopiedState(index, time, copies, System.nanoTime() - start);
  }

  /**
   * The state after one batch, copied on the driver, to be encoded off the batch loop.
   *
   * @param index the batch's index
   * @param time the batch's time
   * @param stages each stateful stage's images
   * @param copyNanos how long the copy took
   */
  record CopiedState(long index, long time, List<StageCopy<?, ?>> stages, long copyNanos) {

    /** The snapshot's bytes, encoded with each stage's codecs. */
    StateSnapshot encode() {
      List<StageSnapshot> encoded = new ArrayList<>(stages.size());
      int parallelism = 0;
      for (StageCopy<?, ?> stage : stages) {
        encoded.add(stage.encode());
        parallelism = Math.max(parallelism, stage.images().size());
      }
      return new StateSnapshot(index, time, parallelism, encoded);
    }
  }

  /**
   * One stage's images.
   *
   * @param stage the stage, with its codecs
   * @param images each partition's image
   */
  record StageCopy<K, V>(StageState<K, V> stage, List<PartitionImage<K, V>> images) {

    /** The entries of all partitions. */
    long entries() {
      long entries = 0;
      for (PartitionImage<K, V> image : images) {
        entries += image.entries();
      }
      return entries;
    }

    StageSnapshot encode() {
      List<byte[]> partitions = new ArrayList<>(images.size());
      try {
        for (PartitionImage<K, V> image : images) {
          partitions.add(ImageEncoding.encode(stage, image));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "the state of stage '" + stage.name() + "' could not be encoded: " + e.getMessage(), e);
      }
      return new StageSnapshot(stage.name(), stage.signature(), partitions);
    }
  }

  /**
   * Restores {@code snapshot} into {@code stages}, whose stores have seen no batch; returns what
   * was restored, per stage, for the start-up log.
   *
   * @throws CheckpointException if a stage's signature changed, or an image cannot be decoded
   */
  static String restore(
      String pipeline, Path root, List<StageState<?, ?>> stages, StateSnapshot snapshot) {
    Map<String, StageSnapshot> stored = new HashMap<>();
    for (StageSnapshot stage : snapshot.stages()) {
      stored.put(stage.name(), stage);
    }
    StringJoiner summary = new StringJoiner(", ");
    for (StageState<?, ?> stage : stages) {
      StageSnapshot saved = stored.remove(stage.name());
      if (saved == null) {
        log.info(
            "{}: stage '{}' has no state in the snapshot; it starts empty", pipeline, stage.name());
        summary.add(stage.name() + " new (empty)");
        continue;
      }
      if (!saved.signature().equals(stage.signature())) {
        throw new CheckpointException(
            "stage '"
                + stage.name()
                + "' of "
                + pipeline
                + " changed since its state was snapshotted in "
                + root
                + ": it was '"
                + saved.signature()
                + "', it is now '"
                + stage.signature()
                + "'. Its state cannot be carried over: restore the earlier code, rename the "
                + "stage to start its state empty, or start fresh with a new checkpoint "
                + "directory");
      }
      long entries = restore(stage, saved);
      summary.add(stage.name() + " " + entries + " entries, " + saved.bytes() + " bytes");
    }
    for (StageSnapshot dropped : stored.values()) {
      log.warn(
          "{}: the snapshot holds state of stage '{}' ({}), which the pipeline no longer has; "
              + "its state is dropped",
          pipeline,
          dropped.name(),
          dropped.signature());
    }
    return summary.toString();
  }

  private static <K, V> StageCopy<K, V> copy(StageState<K, V> stage) {
    List<PartitionImage<K, V>> images = new ArrayList<>(stage.partitions().size());
    for (SnapshotState<K, V> store : stage.partitions()) {
      images.add(store.image());
    }
    return new StageCopy<>(stage, images);
  }

  private static <K, V> long restore(StageState<K, V> stage, StageSnapshot saved) {
    List<PartitionImage<K, V>> old = new ArrayList<>(saved.partitions().size());
    try {
      for (byte[] bytes : saved.partitions()) {
        old.add(ImageEncoding.decode(stage, bytes));
      }
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(
          "the snapshotted state of stage '"
              + stage.name()
              + "' cannot be read with its codecs: "
              + e.getMessage()
              + ". Restore the code that wrote it, or start fresh with a new checkpoint directory",
          e);
    }
    List<? extends SnapshotState<K, V>> stores = stage.partitions();
    List<PartitionImage<K, V>> images =
        Redistribution.redistribute(old, stores.size(), stage.keys() != null);
    long entries = 0;
    for (int p = 0; p < stores.size(); p++) {
      stores.get(p).restore(images.get(p));
      entries += images.get(p).entries();
    }
    return entries;
  }
}
