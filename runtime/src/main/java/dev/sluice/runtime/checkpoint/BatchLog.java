package dev.sluice.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The batch log of a checkpoint directory: a {@code PLAN} record per batch, forced to disk before
 * the batch runs, and a {@code COMMIT} record once its outputs are written. It is the pipeline's
 * commit protocol: a batch is committed when its commit record is on disk; after a crash, the
 * batches planned and not committed run again from their plans.
 *
 * <p>Segments {@code batches-INDEX.log} (INDEX: the first batch index in it, 20 digits) hold the
 * records in {@link LogRecords}' framing; a segment is forced and a new one started once it passes
 * {@link #SEGMENT_BYTES}, and after each state snapshot ({@link #rollOver}), so that whole files
 * can be deleted once a snapshot covers their batches ({@link #deleteSegmentsBefore}).
 *
 * <p><b>Threads:</b> driver only. <b>Durability:</b> {@link #appendPlan} returns once the plan is
 * on disk, and with it every earlier record; {@link #appendCommit} forces only when asked (a commit
 * not yet on disk just makes the batch run again after a crash, which idempotent sinks absorb), and
 * the next plan forces it anyway.
 */
public final class BatchLog implements AutoCloseable {

  static final long SEGMENT_BYTES = 64L * 1024 * 1024;
  private static final byte PLAN = 1;
  private static final byte COMMIT = 2;

  private final Path directory;
  private final List<BatchPlan> planned;
  private final long lastCommitted;
  private FileChannel segment;
  private long segmentBytes;
  private boolean rollOver;

  private BatchLog(Path directory, List<BatchPlan> planned, long lastCommitted) {
    this.directory = directory;
    this.planned = planned;
    this.lastCommitted = lastCommitted;
  }

  /**
   * Opens the log in {@code directory}, creating it if absent: reads every segment, cuts off a torn
   * tail of the last one (with a warning), and positions for appending.
   *
   * @throws CheckpointException if a segment other than the last is damaged, or the records do not
   *     form a valid history
   */
  static BatchLog open(Path directory) throws IOException {
    DurableFiles.createDirectories(directory);
    TreeMap<Long, Path> segments = Segments.list(directory, "batches", "batch log");
    List<BatchPlan> planned = new ArrayList<>();
    long lastCommitted = -1;
    Path last = segments.isEmpty() ? null : segments.lastEntry().getValue();
    for (Path file : segments.values()) {
      LogRecords.Scan scan =
          Segments.read(
              file, file == last, "batch log", " Batches logged there, if any, are planned again.");
      for (LogRecords.Record record : scan.records()) {
        switch (record.type()) {
          case PLAN -> {
            BatchPlan plan = BatchPlan.decode(record.payload());
            long expected = planned.isEmpty() ? plan.index() : next(planned);
            if (plan.index() != expected) {
              throw invalid(
                  file, "plan of batch " + plan.index() + " follows batch " + (expected - 1));
            }
            planned.add(plan);
          }
          case COMMIT -> {
            long index =
                new DataInputStream(new java.io.ByteArrayInputStream(record.payload())).readLong();
            // the first commit may belong to a plan in a segment deleted after a snapshot
            boolean inOrder =
                lastCommitted >= 0
                    ? index == lastCommitted + 1
                    : !planned.isEmpty() && index <= planned.get(0).index();
            if (!inOrder || index >= next(planned)) {
              throw invalid(
                  file, "commit of batch " + index + " after commit of batch " + lastCommitted);
            }
            lastCommitted = index;
          }
          default -> throw invalid(file, "unknown record type " + record.type());
        }
      }
    }
    BatchLog batchLog = new BatchLog(directory, planned, lastCommitted);
    if (last == null || Files.size(last) < LogRecords.HEADER_BYTES) {
      batchLog.startSegment(planned.isEmpty() ? 0 : next(planned));
    } else {
      batchLog.segment = Disk.current().open(last, StandardOpenOption.WRITE);
      batchLog.segmentBytes = Files.size(last);
      batchLog.segment.position(batchLog.segmentBytes);
    }
    return batchLog;
  }

  /** Every batch planned so far, in order; empty for a new log. */
  public List<BatchPlan> planned() {
    return planned;
  }

  /** The index of the last committed batch, or -1 if none. */
  public long lastCommitted() {
    return lastCommitted;
  }

  /** Appends the plan of a batch about to run and forces the log to disk. */
  public void appendPlan(BatchPlan plan) throws IOException {
    if (segmentBytes >= SEGMENT_BYTES || (rollOver && segmentBytes > LogRecords.HEADER_BYTES)) {
      rollOver = false;
      segment.force(false);
      segment.close();
      startSegment(plan.index());
    }
    ByteBuffer frame = LogRecords.frame(PLAN, plan.encode());
    if (CrashPoint.MID_PLAN.due()) { // a torn write: half the record reaches the disk
      ByteBuffer half = frame.duplicate();
      half.limit(frame.position() + frame.remaining() / 2);
      write(half);
      segment.force(false);
      CrashPoint.MID_PLAN.halt();
    }
    write(frame);
    segment.force(false);
    CrashPoint.AFTER_PLAN.reach();
  }

  /** Appends the commit of batch {@code index}; forces the log to disk if {@code force}. */
  public void appendCommit(long index, boolean force) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(LogRecords.frame(COMMIT, bytes.toByteArray()));
    CrashPoint.AFTER_COMMIT.reach();
    if (force) {
      segment.force(false);
      CrashPoint.AFTER_COMMIT_SYNC.reach();
    }
  }

  /**
   * Deletes the segments that hold only plans of batches before {@code index}, which no recovery
   * replays once a snapshot of a later batch exists; never the segment being written. Returns how
   * many were deleted.
   */
  public int deleteSegmentsBefore(long index) throws IOException {
    return Segments.deleteBefore(directory, "batches", "batch log", index);
  }

  /**
   * Makes the next plan start a new segment, so that the segments before it can be deleted once a
   * snapshot covers them.
   */
  public void rollOver() {
    rollOver = true;
  }

  /** Forces what was appended to disk. */
  public void force() throws IOException {
    segment.force(false);
  }

  @Override
  public void close() throws IOException {
    if (segment != null && segment.isOpen()) {
      segment.force(false);
      segment.close();
    }
  }

  private void write(ByteBuffer frame) throws IOException {
    segmentBytes += frame.remaining();
    while (frame.hasRemaining()) {
      segment.write(frame);
    }
  }

  private void startSegment(long firstIndex) throws IOException {
    segment = Segments.create(directory, "batches", firstIndex);
    segmentBytes = LogRecords.HEADER_BYTES;
  }

  private static long next(List<BatchPlan> planned) {
    return planned.get(planned.size() - 1).index() + 1;
  }

  private static CheckpointException invalid(Path file, String what) {
    return new CheckpointException(
        "batch log "
            + file
            + " is inconsistent: "
            + what
            + ". Restore the directory or start with a new checkpoint directory");
  }
}
