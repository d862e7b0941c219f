package dev.sluice.runtime.checkpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * What a checkpoint directory belongs to, fixed when it is created: the settings that give the
 * logged batches their meaning. Everything else (parallelism, sources, sinks, ports) is read fresh
 * at every start.
 *
 * <p>Stored as {@code checkpoint.properties}, a text file a person can read, ending in a CRC32C of
 * the lines before it:
 *
 * <pre>
 *  # Sluice checkpoint directory; written once, do not edit
 *  format=1
 *  pipeline=WordCount
 *  batchIntervalMs=2000
 *  firstBatchTime=1795574936000
 *  crc32c=1a2b3c4d
 * </pre>
 *
 * @param pipeline the pipeline's name
 * @param batchIntervalMs the batch interval the batch times are multiples of
 * @param firstBatchTime the time of batch 0
 */
public record CheckpointIdentity(String pipeline, long batchIntervalMs, long firstBatchTime) {

  static final String FILE = "checkpoint.properties";
  static final int FORMAT = 1;

  /** The file's bytes. */
  byte[] encode() {
    String body =
        "# Sluice checkpoint directory; written once, do not edit\n"
            + "format="
            + FORMAT
            + "\n"
            + "pipeline="
            + pipeline
            + "\n"
            + "batchIntervalMs="
            + batchIntervalMs
            + "\n"
            + "firstBatchTime="
            + firstBatchTime
            + "\n";
    return (body + "crc32c=" + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the bytes of {@code file}.
   *
   * @throws CheckpointException if they are damaged or of a newer format
   */
  static CheckpointIdentity decode(Path file, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int crcLine = text.lastIndexOf("crc32c=");
    if (crcLine < 0
        || !text.endsWith("\n")
        || !text.substring(crcLine + 7, text.length() - 1)
            .equals(crc(text.substring(0, crcLine)))) {
      throw new CheckpointException(
          "checkpoint file "
              + file
              + " is damaged (its checksum does "
              + "not match); restore it or start with a new checkpoint directory");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.substring(0, crcLine).split("\n")) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    int format = Integer.parseInt(values.getOrDefault("format", "0"));
    if (format != FORMAT) {
      throw new CheckpointException(
          "checkpoint directory "
              + file.getParent()
              + " has format "
              + format
              + "; this version of Sluice reads format "
              + FORMAT
              + (format > FORMAT ? ": it was written by a newer Sluice" : ""));
    }
    return new CheckpointIdentity(
        values.get("pipeline"),
        Long.parseLong(values.get("batchIntervalMs")),
        Long.parseLong(values.get("firstBatchTime")));
  }

  private static String crc(String body) {
    CRC32C crc = new CRC32C();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
