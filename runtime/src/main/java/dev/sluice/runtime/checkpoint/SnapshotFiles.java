package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state snapshots of a checkpoint directory, in {@code state/}: one file {@code
 * state-INDEX.snap} per snapshot (INDEX: the batch after which the state was copied, 20 digits).
 *
 * <p>A snapshot exists once its file is renamed into place: it is written to a temporary name,
 * forced, renamed, and the directory forced, so a crash leaves either no file or a whole one (the
 * file's checksum still guards against damage on disk). The newest snapshot that reads back intact
 * is used; a damaged one is skipped with a warning naming the file, so a bad file costs a longer
 * replay, never wrong state and never a crash loop. The newest few are kept; older ones are
 * deleted.
 *
 * <p><b>Threads:</b> {@link #newest} at start; {@link #write} and {@link #retain} on the batch
 * log's writer thread.
 */
public final class SnapshotFiles {

  private static final Logger log = LoggerFactory.getLogger(SnapshotFiles.class);
  private static final String PREFIX = "state-";
  private static final String SUFFIX = ".snap";

  private final Path directory;

  SnapshotFiles(Path directory) throws IOException {
    this.directory = directory;
    DurableFiles.createDirectories(directory);
    DurableFiles.deleteTemporaries(directory);
  }

  /** The directory of the snapshot files. */
  public Path directory() {
    return directory;
  }

  /** The file of the snapshot after batch {@code batchIndex}. */
  public Path file(long batchIndex) {
    return directory.resolve(String.format("%s%020d%s", PREFIX, batchIndex, SUFFIX));
  }

  /** Writes {@code snapshot} durably; it exists once this returns. Returns the file's size. */
  public long write(StateSnapshot snapshot) throws IOException {
    Path target = file(snapshot.batchIndex());
    byte[] bytes = snapshot.encode();
    if (CrashPoint.MID_SNAPSHOT.due()) { // a torn write: half the file reaches the disk
      Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
      try (FileChannel channel =
          Disk.current().open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
        channel.force(true);
      }
      CrashPoint.MID_SNAPSHOT.halt();
    }
    DurableFiles.writeAtomically(target, bytes);
    CrashPoint.AFTER_SNAPSHOT.reach();
    return bytes.length;
  }

  /** The batch indexes of the snapshot files present, oldest first. */
  public List<Long> indexes() throws IOException {
    return new ArrayList<>(files().keySet());
  }

  /**
   * The newest snapshot that reads back intact, or {@code null} if none does; every damaged file
   * passed over is named in a warning.
   */
  public StateSnapshot newest() throws IOException {
    for (var entry : files().descendingMap().entrySet()) {
      Path file = entry.getValue();
      try {
        StateSnapshot snapshot = StateSnapshot.decode(Files.readAllBytes(file));
        if (snapshot.batchIndex() != entry.getKey()) {
          throw new IOException("it holds batch " + snapshot.batchIndex());
        }
        return snapshot;
      } catch (IOException e) {
        log.warn(
            "State snapshot {} is damaged: {}; using an older snapshot and replaying more batches",
            file,
            e.getMessage());
      }
    }
    return null;
  }

  /**
   * Deletes all but the newest {@code keep} snapshot files; returns the batch index of the oldest
   * one kept, or -1 if there is none.
   */
  public long retain(int keep) throws IOException {
    TreeMap<Long, Path> files = files();
    boolean deleted = false;
    while (files.size() > keep) {
      Disk.current().delete(files.pollFirstEntry().getValue());
      deleted = true;
    }
    if (deleted) {
      DurableFiles.forceDirectory(directory);
    }
    return files.isEmpty() ? -1 : files.firstKey();
  }

  private TreeMap<Long, Path> files() throws IOException {
    TreeMap<Long, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      for (Path file : found) {
        String name = file.getFileName().toString();
        try {
          files.put(
              Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())),
              file);
        } catch (NumberFormatException e) {
          log.warn("Ignoring unexpected file {} among the state snapshots", file);
        }
      }
    }
    return files;
  }
}
