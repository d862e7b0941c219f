package dev.sluice.runtime.checkpoint;

import dev.sluice.api.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The write-ahead log of one receiver input: every record the driver takes from the receiver, in
 * order, numbered from 0, so that a batch's plan for the input is a range of those numbers and a
 * batch can be read again after a crash.
 *
 * <p>Segments {@code records-FIRST.log} (FIRST: the number of their first record, 20 digits) in
 * {@link LogRecords}' framing; each record of the log is one group of received records (one drain
 * of the receiver's queue): the number of its first record, the count, then the records as the
 * input's {@link Codec} writes them. A segment rolls over at 64 MiB, and at the first append after
 * a state snapshot ({@link #rollOver}), so that the segments of records only batches covered by the
 * snapshots used can be deleted ({@link #deleteSegmentsBefore}). A torn tail is cut off at open,
 * with a warning, like the batch log's.
 *
 * <p><b>Threads:</b> the driver calls everything but {@link #force}, {@link #rollOver} and {@link
 * #deleteSegmentsBefore}, which the batch log's writer thread calls concurrently with appends (a
 * file channel allows it; a segment is deleted only once a later one exists, and the driver never
 * reads it again: batches before the oldest snapshot kept are never replayed). <b>Durability:</b>
 * {@link #append} writes without forcing; {@link #force} makes everything appended before it
 * durable: it forces the current segment, and a segment that rolled over was forced when it did.
 * <b>Memory:</b> an index entry per group; records are read from disk when asked for.
 *
 * @param <T> the type of the records
 */
public final class ReceivedLog<T> implements AutoCloseable {

  private static final byte GROUP = 1;

  /** Where one group's frame is. */
  private record Group(long first, int count, Path file, long offset) {}

  private final Path directory;
  private final Codec<T> codec;
  private final List<Group> groups = new ArrayList<>();
  private long next;
  private Path segmentFile;

  /** Written by the driver when a segment rolls over, read by the forcing thread. */
  private volatile FileChannel segment;

  private long segmentBytes;

  /** Set by the writer thread after a snapshot, read by the driver at its next append. */
  private volatile boolean rollOver;

  /** The segment {@link #read} read last, kept open for the next group: replays read in order. */
  private Path readFile;

  private FileChannel readChannel;

  private ReceivedLog(Path directory, Codec<T> codec) {
    this.directory = directory;
    this.codec = codec;
  }

  /**
   * Opens the log in {@code directory}, creating it if absent, and indexes what it holds.
   *
   * @throws CheckpointException if a segment other than the last is damaged
   */
  public static <T> ReceivedLog<T> open(Path directory, Codec<T> codec) throws IOException {
    DurableFiles.createDirectories(directory);
    ReceivedLog<T> receivedLog = new ReceivedLog<>(directory, codec);
    TreeMap<Long, Path> segments = Segments.list(directory, "records", "write-ahead log");
    Path last = segments.isEmpty() ? null : segments.lastEntry().getValue();
    receivedLog.next = segments.isEmpty() ? 0 : segments.firstKey(); // earlier ones were deleted
    for (Path file : segments.values()) {
      receivedLog.index(file, file == last);
    }
    if (last == null || Files.size(last) < LogRecords.HEADER_BYTES) {
      receivedLog.startSegment();
    } else {
      receivedLog.segmentFile = last;
      receivedLog.segment = Disk.current().open(last, StandardOpenOption.WRITE);
      receivedLog.segmentBytes = Files.size(last);
      receivedLog.segment.position(receivedLog.segmentBytes);
    }
    return receivedLog;
  }

  /** The number the next appended record gets: how many records the log holds. */
  public long next() {
    return next;
  }

  /** Appends {@code records} as one group, numbered from {@link #next()}; does not force. */
  public void append(List<? extends T> records) throws IOException {
    if (records.isEmpty()) {
      return;
    }
    if (segmentBytes >= BatchLog.SEGMENT_BYTES
        || (rollOver && segmentBytes > LogRecords.HEADER_BYTES)) {
      rollOver = false;
      segment.force(false);
      segment.close();
      startSegment();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 32 * records.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(next);
      out.writeInt(records.size());
      for (T record : records) {
        codec.write(record, out);
      }
    }
    ByteBuffer frame = LogRecords.frame(GROUP, bytes.toByteArray());
    groups.add(new Group(next, records.size(), segmentFile, segmentBytes));
    segmentBytes += frame.remaining();
    while (frame.hasRemaining()) {
      segment.write(frame);
    }
    next += records.size();
  }

  /** Makes the next append start a new segment; any thread. */
  public void rollOver() {
    rollOver = true;
  }

  /**
   * Deletes the segments that hold only records numbered before {@code record}, never the one being
   * written; returns how many. Any thread.
   */
  public int deleteSegmentsBefore(long record) throws IOException {
    return Segments.deleteBefore(directory, "records", "write-ahead log", record);
  }

  /** Forces everything appended before this call to disk; any thread. */
  public void force() throws IOException {
    FileChannel current = segment;
    try {
      current.force(false);
    } catch (ClosedChannelException e) {
      // it rolled over meanwhile, and was forced before it closed; the new one holds only later
      // records, unless they were appended before this call: force it too
      segment.force(false);
    }
  }

  /**
   * The records numbered {@code from} (inclusive) to {@code to} (exclusive), read from disk.
   *
   * @throws CheckpointException if the log does not hold them all
   */
  public List<T> read(long from, long to) throws IOException {
    if (from < 0 || to > next || from > to) {
      throw new CheckpointException(
          "write-ahead log "
              + directory
              + " holds records 0 to "
              + next
              + ", not "
              + from
              + " to "
              + to
              + "; it was deleted or damaged");
    }
    List<T> records = new ArrayList<>((int) Math.min(to - from, 1 << 20));
    int g = firstGroupEndingAfter(from);
    for (; g < groups.size() && groups.get(g).first() < to; g++) {
      Group group = groups.get(g);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload(group)));
      in.readLong();
      in.readInt();
      for (long n = group.first(); n < group.first() + group.count(); n++) {
        T record = codec.read(in);
        if (n >= from && n < to) {
          records.add(record);
        }
      }
    }
    return records;
  }

  @Override
  public void close() throws IOException {
    closeReader();
    if (segment != null && segment.isOpen()) {
      segment.force(false);
      segment.close();
    }
  }

  private int firstGroupEndingAfter(long from) {
    int low = 0;
    int high = groups.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      Group group = groups.get(mid);
      if (group.first() + group.count() <= from) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private byte[] payload(Group group) throws IOException {
    if (!group.file().equals(readFile)) {
      closeReader();
      readChannel = Disk.current().open(group.file(), StandardOpenOption.READ);
      readFile = group.file();
    }
    ByteBuffer frame = ByteBuffer.allocate(LogRecords.FRAME_BYTES);
    readFully(frame, group.offset());
    frame.flip();
    ByteBuffer payload = ByteBuffer.allocate(frame.getInt());
    readFully(payload, group.offset() + LogRecords.FRAME_BYTES);
    return payload.array();
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      if (readChannel.read(buffer, position + buffer.position()) < 0) {
        throw new CheckpointException(
            "write-ahead log "
                + readFile
                + " ends inside a group it "
                + "indexed; was it changed while the pipeline ran?");
      }
    }
  }

  private void closeReader() throws IOException {
    if (readChannel != null) {
      readChannel.close();
      readChannel = null;
      readFile = null;
    }
  }

  private void index(Path file, boolean isLast) throws IOException {
    LogRecords.Scan scan = Segments.read(file, isLast, "write-ahead log", "");
    long offset = LogRecords.HEADER_BYTES;
    for (LogRecords.Record record : scan.records()) {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(record.payload()));
      long first = in.readLong();
      int count = in.readInt();
      if (first != next) {
        throw new CheckpointException(
            "write-ahead log "
                + file
                + " is inconsistent: a group "
                + "starts at record "
                + first
                + " where "
                + next
                + " was expected");
      }
      groups.add(new Group(first, count, file, offset));
      next += count;
      offset += LogRecords.FRAME_BYTES + record.payload().length;
    }
    segmentFile = file;
  }

  private void startSegment() throws IOException {
    segmentFile = directory.resolve(String.format("records-%020d.log", next));
    segment = Segments.create(directory, "records", next);
    segmentBytes = LogRecords.HEADER_BYTES;
  }
}
