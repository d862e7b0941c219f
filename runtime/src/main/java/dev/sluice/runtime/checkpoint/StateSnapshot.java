package dev.sluice.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The state of every stateful stage after one batch, as stored in a snapshot file: the batch's
 * index and time, the parallelism that wrote it, and per stage its name, its signature and the
 * encoded image of each partition.
 *
 * <p>The file: magic {@code 0x534C5353} ("SLSS"), format version, batch index, batch time,
 * parallelism, stage count, then per stage its name and signature (modified UTF-8), its partition
 * count and each partition as a length and its bytes; last, the CRC32C of everything before it. A
 * file that is short, long, or fails its checksum is damaged, never read in part.
 *
 * @param batchIndex the batch after which the state was copied
 * @param batchTime that batch's time
 * @param parallelism the number of partitions of the run that wrote it
 * @param stages the stateful stages
 */
public record StateSnapshot(
    long batchIndex, long batchTime, int parallelism, List<StageSnapshot> stages) {

  static final int MAGIC = 0x534C5353;
  static final int VERSION = 1;

  public StateSnapshot {
    stages = List.copyOf(stages);
  }

  /**
   * One stage's partitions.
   *
   * @param name the stage's name
   * @param signature what defines its semantics, compared at restore
   * @param partitions each partition's encoded image
   */
  public record StageSnapshot(String name, String signature, List<byte[]> partitions) {
    public StageSnapshot {
      partitions = List.copyOf(partitions);
    }

    /** The bytes of all partitions. */
    public long bytes() {
      long bytes = 0;
      for (byte[] partition : partitions) {
        bytes += partition.length;
      }
      return bytes;
    }
  }

  /** The file's bytes. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(batchIndex);
      out.writeLong(batchTime);
      out.writeInt(parallelism);
      out.writeInt(stages.size());
      for (StageSnapshot stage : stages) {
        out.writeUTF(stage.name());
        out.writeUTF(stage.signature());
        out.writeInt(stage.partitions().size());
        for (byte[] partition : stage.partitions()) {
          out.writeInt(partition.length);
          out.write(partition);
        }
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The snapshot in {@code bytes}.
   *
   * @throws IOException saying what is wrong, if the bytes are not one whole, intact snapshot
   */
  public static StateSnapshot decode(byte[] bytes) throws IOException {
    if (bytes.length < 4 + 4 + 8 + 8 + 4 + 4 + 4) {
      throw new IOException("it is too short (" + bytes.length + " bytes)");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException(String.format("it is not a snapshot (magic 0x%08X)", magic));
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(
          "it has format version " + version + ", this Sluice reads version " + VERSION);
    }
    int stored =
        ((bytes[bytes.length - 4] & 0xFF) << 24)
            | ((bytes[bytes.length - 3] & 0xFF) << 16)
            | ((bytes[bytes.length - 2] & 0xFF) << 8)
            | (bytes[bytes.length - 1] & 0xFF);
    if (stored != (int) crc.getValue()) {
      throw new IOException("its checksum does not match (damaged or cut short)");
    }
    long batchIndex = in.readLong();
    long batchTime = in.readLong();
    int parallelism = in.readInt();
    int count = in.readInt();
    List<StageSnapshot> stages = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      String name = in.readUTF();
      String signature = in.readUTF();
      int partitions = in.readInt();
      List<byte[]> images = new ArrayList<>(partitions);
      for (int p = 0; p < partitions; p++) {
        byte[] image = new byte[in.readInt()];
        in.readFully(image);
        images.add(image);
      }
      stages.add(new StageSnapshot(name, signature, images));
    }
    if (in.available() != 4) {
      throw new IOException((in.available() - 4) + " unexpected bytes before its checksum");
    }
    return new StateSnapshot(batchIndex, batchTime, parallelism, stages);
  }

  /** The bytes of all stages. */
  public long bytes() {
    long bytes = 0;
    for (StageSnapshot stage : stages) {
      bytes += stage.bytes();
    }
    return bytes;
  }
}
