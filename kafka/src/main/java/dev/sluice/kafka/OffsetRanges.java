package dev.sluice.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan of a Kafka batch in the batch log: its offset ranges in a small versioned format that
 * later versions of Sluice keep reading.
 *
 * <pre>
 * u8  version (1)
 * u32 number of ranges
 * per range: topic (u16 length, UTF-8 bytes; Java's modified UTF-8 of DataOutput), i32 partition,
 *            i64 from, i64 until
 * </pre>
 *
 * Ranges are written in the order the source reads them: by topic, then partition.
 */
final class OffsetRanges {

  static final int VERSION = 1;

  private OffsetRanges() {}

  static byte[] encode(List<OffsetRange> ranges) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + ranges.size() * 32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(ranges.size());
      for (OffsetRange range : ranges) {
        out.writeUTF(range.topic());
        out.writeInt(range.partition());
        out.writeLong(range.from());
        out.writeLong(range.until());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * The ranges of {@code plan}.
   *
   * @throws IllegalArgumentException if the plan is not one this version reads
   */
  static List<OffsetRange> decode(byte[] plan) {
    if (plan.length == 0) {
      throw new IllegalArgumentException("empty Kafka plan");
    }
    int version = plan[0] & 0xff;
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "Kafka plan of format version "
              + version
              + "; this Sluice reads version "
              + VERSION
              + " (was the batch log written by a newer Sluice?)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plan, 1, plan.length))) {
      int count = in.readInt();
      if (count < 0 || count > plan.length) {
        throw new IllegalArgumentException("Kafka plan with " + count + " ranges is damaged");
      }
      List<OffsetRange> ranges = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ranges.add(new OffsetRange(in.readUTF(), in.readInt(), in.readLong(), in.readLong()));
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException(
            "Kafka plan has " + in.available() + " bytes after its ranges");
      }
      return ranges;
    } catch (EOFException e) {
      throw new IllegalArgumentException("Kafka plan is cut short (" + plan.length + " bytes)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
