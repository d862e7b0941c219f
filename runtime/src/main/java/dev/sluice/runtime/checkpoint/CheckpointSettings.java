package dev.sluice.runtime.checkpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A pipeline's checkpoint settings, read fresh at every start (none of them is stored in the
 * directory).
 *
 * @param directory the checkpoint directory
 * @param writeAheadLog whether receivers with a codec log their records in the directory, so that
 *     they are not lost in a crash (on by default)
 * @param snapshotInterval how often the state is snapshotted, or {@code null} for the default:
 *     {@link #DEFAULT_SNAPSHOT_INTERVAL} rounded to a multiple of the batch interval, as Spark
 *     checkpoints stateful streams
 * @param keepSnapshots how many snapshots are kept; older ones, and the log they made unneeded, are
 *     deleted
 */
public record CheckpointSettings(
    Path directory, boolean writeAheadLog, Duration snapshotInterval, int keepSnapshots) {

  /** Spark Streaming's default checkpoint interval of stateful streams (at least 10 s). */
  public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofSeconds(10);

  /** How many snapshots are kept by default: the newest, and two to fall back on. */
  public static final int DEFAULT_KEEP_SNAPSHOTS = 3;

  /** Checks the settings. */
  public CheckpointSettings {
    Objects.requireNonNull(directory, "directory");
    if (snapshotInterval != null && (snapshotInterval.isNegative() || snapshotInterval.isZero())) {
      throw new IllegalArgumentException(
          "the snapshot interval must be positive, not " + snapshotInterval.toMillis() + " ms");
    }
    if (keepSnapshots < 1) {
      throw new IllegalArgumentException(
          "at least one snapshot must be kept, not " + keepSnapshots);
    }
  }

  /** Default snapshots. */
  public CheckpointSettings(Path directory, boolean writeAheadLog) {
    this(directory, writeAheadLog, null, DEFAULT_KEEP_SNAPSHOTS);
  }

  /**
   * Every how many batches of {@code batchInterval} a snapshot is taken: the interval rounded to
   * the nearest multiple of the batch interval, at least 1.
   */
  public int snapshotEveryBatches(Duration batchInterval) {
    Duration interval = snapshotInterval == null ? DEFAULT_SNAPSHOT_INTERVAL : snapshotInterval;
    long batches = Math.round((double) interval.toMillis() / batchInterval.toMillis());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, batches));
  }
}
