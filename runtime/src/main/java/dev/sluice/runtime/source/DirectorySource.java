package dev.sluice.runtime.source;

import dev.sluice.api.ReplayableSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of the text files that appear in a directory, like Spark Streaming's {@code
 * textFileStream}: each batch reads the files that are new since the last batch.
 *
 * <p>At the batch at time {@code T} the directory is listed (not recursively) and a regular file is
 * selected when
 *
 * <ul>
 *   <li>its name starts neither with {@code .} nor with {@code _}: such files are hidden or still
 *       being written, so a writer can write {@code .name.tmp} and rename it when complete;
 *   <li>its modification time is at most {@code T}: a file stamped after the batch time is left for
 *       the next batch;
 *   <li>its modification time is at least the ignore threshold, {@code max(start, min(P, T -
 *       remember))}, where {@code start} is when the source was created, {@code P} the previous
 *       batch time and {@code remember} the remember window (60 s by default). Files older than the
 *       source are never read, and a file whose modification time is older than both the previous
 *       batch and the remember window is ignored (at the first batch, only {@code start} applies);
 *   <li>it was not selected before.
 * </ul>
 *
 * <p>The selected files are read as UTF-8 (malformed bytes become U+FFFD), in file-name order, and
 * split into lines at {@code \n}, {@code \r\n} or {@code \r}. Files must not change once they are
 * visible under their final name.
 *
 * <p><b>Replay:</b> a batch's plan names its files with their modification times, and carries what
 * the source remembers (the names selected within the ignore threshold, the previous batch time and
 * the start time), so a checkpointed pipeline reads a batch's files again after a crash and,
 * resumed, selects the files that appeared while it was down in the batches their modification
 * times fall in, within the remember window. A planned file must not be deleted before its batch
 * commits.
 *
 * <p><b>Memory:</b> the names of selected files are remembered only while their modification time
 * is not below the ignore threshold; older ones can never be selected again and are forgotten, so
 * memory is bounded by the files of one remember window (or one batch interval, if longer).
 *
 * <p>Not thread-safe: the driver thread calls it.
 */
final class DirectorySource implements ReplayableSource<String> {

  /** Like Spark's minimum remember duration for file streams. */
  static final Duration DEFAULT_REMEMBER = Duration.ofSeconds(60);

  private static final long NO_BATCH_YET = Long.MIN_VALUE;

  private final Path directory;
  private final long rememberMs;
  private long startMs;
  private final Map<String, Long> selected = new HashMap<>();
  private long previousBatchMs = NO_BATCH_YET;

  /**
   * @param directory the directory to watch; must exist
   * @param remember how far back a file's modification time may lie and still be read
   * @param startMs the creation time of the source: older files are never read
   * @throws IllegalArgumentException if {@code directory} is not a directory
   */
  DirectorySource(Path directory, Duration remember, long startMs) {
    this.directory = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.directory)) {
      throw new IllegalArgumentException(noSuchDirectory());
    }
    if (remember.toMillis() < 1) {
      throw new IllegalArgumentException("remember window must be at least 1 ms, was " + remember);
    }
    this.rememberMs = remember.toMillis();
    this.startMs = startMs;
  }

  @Override
  public List<String> nextBatch(long batchTimeMs) throws IOException {
    return read(batchTimeMs, plan(batchTimeMs));
  }

  @Override
  public byte[] plan(long batchTimeMs) throws IOException {
    long threshold =
        previousBatchMs == NO_BATCH_YET
            ? startMs
            : Math.max(startMs, Math.min(previousBatchMs, batchTimeMs - rememberMs));
    previousBatchMs = batchTimeMs;
    selected.values().removeIf(modified -> modified < threshold);
    Map<String, Long> remembered = new TreeMap<>(selected);
    List<Path> files = newFiles(threshold, batchTimeMs);
    files.sort(Comparator.comparing(file -> file.getFileName().toString()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(startMs);
      out.writeInt(files.size());
      for (Path file : files) {
        String name = file.getFileName().toString();
        out.writeUTF(name);
        out.writeLong(selected.get(name));
      }
      out.writeInt(remembered.size());
      for (Map.Entry<String, Long> entry : remembered.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeLong(entry.getValue());
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public List<String> read(long batchTimeMs, byte[] plan) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plan));
    in.readLong();
    int count = in.readInt();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = directory.resolve(in.readUTF());
      in.readLong();
      try {
        readLines(file, lines);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException(
            "directory source "
                + directory
                + ": file "
                + file.getFileName()
                + " of the batch at "
                + batchTimeMs
                + " was deleted before the "
                + "batch committed");
      }
    }
    return count == 0 ? List.of() : lines;
  }

  @Override
  public void resume(long batchTimeMs, byte[] lastPlan) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(lastPlan));
    startMs = in.readLong();
    selected.clear();
    for (int sections = 0; sections < 2; sections++) {
      for (int i = 0, n = in.readInt(); i < n; i++) {
        selected.put(in.readUTF(), in.readLong());
      }
    }
    previousBatchMs = batchTimeMs;
  }

  @Override
  public String describe() {
    return "directory " + directory;
  }

  /** How many file names are remembered; for tests of the memory bound. */
  int rememberedFiles() {
    return selected.size();
  }

  private List<Path> newFiles(long threshold, long batchTimeMs) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path file : entries) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_") || selected.containsKey(name)) {
          continue;
        }
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          continue; // renamed or deleted since the listing
        }
        long modified = attributes.lastModifiedTime().toMillis();
        if (attributes.isRegularFile() && modified >= threshold && modified <= batchTimeMs) {
          selected.put(name, modified);
          files.add(file);
        }
      }
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException(noSuchDirectory());
    }
    return files;
  }

  private static void readLines(Path file, List<String> lines) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
  }

  private String noSuchDirectory() {
    return "directory source " + directory + ": no such directory";
  }
}
