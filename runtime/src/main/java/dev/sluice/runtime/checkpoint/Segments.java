package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of an append-only log ({@code PREFIX-FIRST.log}, FIRST: 20 digits, the first
 * entry a segment holds), shared by the batch log and the write-ahead logs: listing them, reading
 * one with its torn tail cut off, and starting a new one durably.
 *
 * <p><b>Threads:</b> stateless; called by the one thread that owns the log.
 */
final class Segments {

  private static final Logger log = LoggerFactory.getLogger(Segments.class);

  private Segments() {}

  /**
   * The segments of {@code prefix} in {@code directory}, by their first entry.
   *
   * @throws CheckpointException for a file of that prefix whose number does not parse
   */
  static TreeMap<Long, Path> list(Path directory, String prefix, String logName)
      throws IOException {
    TreeMap<Long, Path> segments = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "-*.log")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        try {
          segments.put(
              Long.parseLong(name.substring(prefix.length() + 1, name.length() - 4)), file);
        } catch (NumberFormatException e) {
          throw new CheckpointException("unexpected file " + file + " in the " + logName);
        }
      }
    }
    return segments;
  }

  /**
   * Reads {@code file}. Damage in the last segment is the tail of a write a crash cut short: it is
   * cut off, with a warning naming the file, the damage and the bytes dropped, followed by {@code
   * consequence}; anywhere else it is an error.
   *
   * @throws CheckpointException if a segment other than the last is damaged
   */
  static LogRecords.Scan read(Path file, boolean last, String logName, String consequence)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    long size = bytes.remaining();
    LogRecords.Scan scan = LogRecords.scan(file, bytes);
    if (scan.damage() == null) {
      return scan;
    }
    if (!last) {
      throw new CheckpointException(
          logName
              + " segment "
              + file
              + " is damaged: "
              + scan.damage()
              + ". Only the last segment may end in an interrupted write; restore the file or start "
              + "with a new checkpoint directory");
    }
    log.warn(
        "{} {}: {}; cutting off its last {} bytes (a write interrupted by a crash).{}",
        Character.toUpperCase(logName.charAt(0)) + logName.substring(1),
        file,
        scan.damage(),
        size - scan.intactBytes(),
        consequence);
    try (FileChannel channel = Disk.current().open(file, StandardOpenOption.WRITE)) {
      channel.truncate(scan.intactBytes());
      channel.force(true);
    }
    return scan;
  }

  /**
   * Creates the segment of {@code prefix} whose first entry is {@code first}, writes its header,
   * and forces it and its directory; the channel is positioned after the header.
   */
  static FileChannel create(Path directory, String prefix, long first) throws IOException {
    Path file = directory.resolve(String.format("%s-%020d.log", prefix, first));
    FileChannel segment =
        Disk.current()
            .open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    ByteBuffer header = LogRecords.header();
    while (header.hasRemaining()) {
      segment.write(header);
    }
    segment.force(false);
    DurableFiles.forceDirectory(directory);
    return segment;
  }

  /**
   * Deletes the segments of {@code prefix} that hold only entries numbered before {@code entry}
   * (those whose successor starts at or before it), never the last one, which may be being written;
   * forces the directory after a deletion. Returns how many were deleted.
   */
  static int deleteBefore(Path directory, String prefix, String logName, long entry)
      throws IOException {
    TreeMap<Long, Path> segments = list(directory, prefix, logName);
    int deleted = 0;
    for (Long first = segments.isEmpty() ? null : segments.firstKey(); first != null; ) {
      Long next = segments.higherKey(first);
      if (next == null || next > entry) {
        break;
      }
      Disk.current().delete(segments.get(first));
      deleted++;
      first = next;
    }
    if (deleted > 0) {
      DurableFiles.forceDirectory(directory);
    }
    return deleted;
  }
}
