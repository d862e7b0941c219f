package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkpoint directory opened by a starting pipeline: locked against a second run, its identity
 * checked against the pipeline, its batch log read and ready to append. See the package
 * documentation for the layout.
 *
 * <p><b>Threads:</b> opened on the starting thread, then used and closed by the driver thread.
 */
public final class CheckpointDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CheckpointDirectory.class);

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final CheckpointIdentity identity;
  private final boolean created;
  private final BatchLog batchLog;
  private final SnapshotFiles snapshots;

  private CheckpointDirectory(
      Path root,
      FileChannel lockChannel,
      FileLock lock,
      CheckpointIdentity identity,
      boolean created,
      BatchLog batchLog,
      SnapshotFiles snapshots) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.identity = identity;
    this.created = created;
    this.batchLog = batchLog;
    this.snapshots = snapshots;
  }

  /**
   * Opens {@code directory} for pipeline {@code pipeline}, creating it (with batch 0 at {@code
   * firstBatchTime.getAsLong()}) if it holds no checkpoint yet.
   *
   * @throws CheckpointException if the directory is in use, belongs to another pipeline, was
   *     written with another batch interval, or is damaged; the message says how to go on
   */
  public static CheckpointDirectory open(
      Path directory, String pipeline, Duration batchInterval, LongSupplier firstBatchTime) {
    Path root = directory.toAbsolutePath().normalize();
    FileChannel lockChannel = null;
    try {
      DurableFiles.createDirectories(root);
      lockChannel =
          FileChannel.open(
              root.resolve("lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(lockChannel);
      if (lock == null) {
        String holder =
            new String(Files.readAllBytes(root.resolve("lock")), StandardCharsets.UTF_8).trim();
        throw new CheckpointException(
            "checkpoint directory "
                + root
                + " is in use by another "
                + "running pipeline"
                + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; stop it first, or give this run a directory of its own");
      }
      lockChannel.truncate(0);
      lockChannel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
          0);
      int temporaries = DurableFiles.deleteTemporaries(root);
      if (temporaries > 0) {
        log.info(
            "Checkpoint directory {}: deleted {} temporary files of an interrupted write",
            root,
            temporaries);
      }
      Path identityFile = root.resolve(CheckpointIdentity.FILE);
      Path logDirectory = root.resolve("log");
      boolean created = !Files.exists(identityFile);
      CheckpointIdentity identity;
      if (created) {
        if (Files.isDirectory(logDirectory)) {
          throw new CheckpointException(
              "checkpoint directory "
                  + root
                  + " has a batch log but no "
                  + CheckpointIdentity.FILE
                  + "; restore that file or start with a new directory");
        }
        identity =
            new CheckpointIdentity(pipeline, batchInterval.toMillis(), firstBatchTime.getAsLong());
        DurableFiles.writeAtomically(identityFile, identity.encode());
      } else {
        identity = CheckpointIdentity.decode(identityFile, Files.readAllBytes(identityFile));
        check(root, identity, pipeline, batchInterval);
      }
      BatchLog batchLog = BatchLog.open(logDirectory);
      SnapshotFiles snapshots = new SnapshotFiles(root.resolve("state"));
      return new CheckpointDirectory(
          root, lockChannel, lock, identity, created, batchLog, snapshots);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new CheckpointException("checkpoint directory " + root + " cannot be used: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  /** The directory. */
  public Path root() {
    return root;
  }

  /** What the directory belongs to. */
  public CheckpointIdentity identity() {
    return identity;
  }

  /** Whether this start created the checkpoint (there was nothing to recover). */
  public boolean created() {
    return created;
  }

  /** The batch log. */
  public BatchLog batchLog() {
    return batchLog;
  }

  /** The state snapshots. */
  public SnapshotFiles snapshots() {
    return snapshots;
  }

  /** Forces and closes the log and releases the directory. */
  @Override
  public void close() throws IOException {
    try {
      batchLog.close();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this JVM: another pipeline here runs on the same directory
    }
  }

  private static void check(
      Path root, CheckpointIdentity identity, String pipeline, Duration batchInterval) {
    if (!identity.pipeline().equals(pipeline)) {
      throw new CheckpointException(
          "checkpoint directory "
              + root
              + " belongs to pipeline "
              + identity.pipeline()
              + ", not "
              + pipeline
              + "; give "
              + pipeline
              + " a directory of its own");
    }
    if (identity.batchIntervalMs() != batchInterval.toMillis()) {
      throw new CheckpointException(
          "checkpoint directory "
              + root
              + " was written with a batch "
              + "interval of "
              + identity.batchIntervalMs()
              + " ms, and this run asks for "
              + batchInterval.toMillis()
              + " ms; the logged batches' times depend on it. Run with "
              + "--batch-interval "
              + identity.batchIntervalMs()
              + "ms to resume, or start fresh "
              + "with a new checkpoint directory");
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        // already failing; the first error is the one to report
      }
    }
  }
}
