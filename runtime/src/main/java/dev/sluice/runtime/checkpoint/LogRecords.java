package dev.sluice.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing of Sluice's log files: a header, then records.
 *
 * <pre>
 *  header:  u32 magic 0x534C4C47 ("SLLG")   u32 format version
 *  record:  u32 payload length   u32 CRC32C of (type, payload)   u8 type   payload
 * </pre>
 *
 * <p>All numbers are big-endian. A reader stops at the first record that is cut short or fails its
 * checksum: what follows is the tail of a write that a crash interrupted (or damage), and is
 * reported as such with the offset where the intact part ends.
 */
final class LogRecords {

  static final int MAGIC = 0x534C4C47;
  static final int VERSION = 1;
  static final int HEADER_BYTES = 8;
  static final int FRAME_BYTES = 9;

  /** No record is this long: a larger length field is damage, not a record to wait for. */
  static final int MAX_PAYLOAD = 64 * 1024 * 1024;

  private LogRecords() {}

  /** One record: its type and payload. */
  record Record(byte type, byte[] payload) {}

  /**
   * What a file held.
   *
   * @param records the intact records, in order
   * @param intactBytes the length of the file's intact part: header and intact records
   * @param damage why reading stopped before the end of the file, or {@code null}
   */
  record Scan(List<Record> records, long intactBytes, String damage) {}

  /** The header of a new file. */
  static ByteBuffer header() {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    header.putInt(MAGIC).putInt(VERSION).flip();
    return header;
  }

  /** The bytes of a record of {@code type} holding {@code payload}. */
  static ByteBuffer frame(byte type, byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES + payload.length);
    frame.putInt(payload.length).putInt(crc(type, payload, 0, payload.length)).put(type);
    frame.put(payload).flip();
    return frame;
  }

  /**
   * Reads the records of {@code file}, whose whole content is {@code bytes}.
   *
   * @throws CheckpointException if the file is not a Sluice log or is of a newer format
   */
  static Scan scan(Path file, ByteBuffer bytes) {
    if (bytes.remaining() < HEADER_BYTES) {
      return new Scan(List.of(), 0, "the header is cut short (" + bytes.remaining() + " bytes)");
    }
    int magic = bytes.getInt();
    int version = bytes.getInt();
    if (magic != MAGIC) {
      throw new CheckpointException(
          file
              + " is not a Sluice log file (bad magic number "
              + String.format("0x%08X", magic)
              + ")");
    }
    if (version != VERSION) {
      throw new CheckpointException(
          file
              + " has log format version "
              + version
              + "; this version of Sluice reads version "
              + VERSION
              + (version > VERSION ? ": it was written by a newer Sluice" : ""));
    }
    List<Record> records = new ArrayList<>();
    while (bytes.hasRemaining()) {
      int start = bytes.position();
      if (bytes.remaining() < FRAME_BYTES) {
        return new Scan(records, start, "a record at offset " + start + " is cut short");
      }
      int length = bytes.getInt();
      int crc = bytes.getInt();
      byte type = bytes.get();
      if (length < 0 || length > MAX_PAYLOAD || length > bytes.remaining()) {
        return new Scan(records, start, "a record at offset " + start + " is cut short");
      }
      byte[] payload = new byte[length];
      bytes.get(payload);
      if (crc(type, payload, 0, length) != crc) {
        return new Scan(records, start, "the record at offset " + start + " fails its checksum");
      }
      records.add(new Record(type, payload));
    }
    return new Scan(records, bytes.position(), null);
  }

  private static int crc(byte type, byte[] payload, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(type);
    crc.update(payload, offset, length);
    return (int) crc.getValue();
  }
}
