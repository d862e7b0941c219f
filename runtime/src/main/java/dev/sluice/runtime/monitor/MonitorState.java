package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchInfo.OutputTime;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import dev.sluice.runtime.metrics.StreamingListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the monitoring UI shows, as a fold over a pipeline's listener events: the pipeline, the
 * active batches, the last {@code retained} finished batches in detail, totals over every batch
 * since the start (older batches are only counted in them), the last {@value #RETAINED_CHECKPOINTS}
 * state snapshots and the size of each stateful stage's state at the newest one, and each
 * receiver's newest reported error. A live pipeline feeds it as a listener; a history replays an
 * event log into it.
 *
 * <p><b>Threads:</b> the listener callbacks come from the driver thread (or the thread that replays
 * a log), one at a time; {@link #snapshot()} from any thread, such as the UI server's. Both hold
 * this object's lock for as long as it takes to copy a few references, never over I/O, so a UI
 * request delays the driver by at most that. <b>Visibility:</b> the lock orders every update before
 * the snapshots taken after it. <b>Memory:</b> bounded by {@code retained} batches, whatever the
 * run's length.
 */
public final class MonitorState implements StreamingListener {

  /** How many finished batches the UI keeps in detail by default, as Spark's 1,000. */
  public static final int DEFAULT_RETAINED = 1000;

  /** How many state snapshots the UI keeps: a few minutes of them at the default interval. */
  public static final int RETAINED_CHECKPOINTS = 50;

  private final int retained;
  private PipelineInfo pipeline;
  private String status = "starting";
  private String failure;
  private final Map<Long, BatchRecord> active = new LinkedHashMap<>();
  private final ArrayDeque<BatchRecord> finished = new ArrayDeque<>();
  private final Totals totals = new Totals();
  private final Map<String, BatchSubmitted.InputBatch> lastInputs = new LinkedHashMap<>();
  private final ArrayDeque<CheckpointInfo> checkpoints = new ArrayDeque<>();
  private long checkpointsCompleted;
  private final Map<String, ReceiverError> receiverErrors = new LinkedHashMap<>();

  /** A state keeping {@link #DEFAULT_RETAINED} finished batches. */
  public MonitorState() {
    this(DEFAULT_RETAINED);
  }

  /** A state keeping the last {@code retained} finished batches in detail. */
  public MonitorState(int retained) {
    if (retained < 1) {
      throw new IllegalArgumentException("retained must be at least 1, was " + retained);
    }
    this.retained = retained;
  }

  @Override
  public synchronized void onPipelineStarted(PipelineInfo info) {
    pipeline = info;
    status = "running";
  }

  @Override
  public synchronized void onBatchSubmitted(BatchSubmitted batch) {
    active.put(batch.batchTime(), BatchRecord.of(batch));
    for (BatchSubmitted.InputBatch input : batch.inputs()) {
      lastInputs.put(input.input(), input);
    }
  }

  @Override
  public synchronized void onBatchStarted(String name, long batchTime, long startTime) {
    active.computeIfPresent(batchTime, (time, batch) -> batch.started(startTime));
  }

  @Override
  public synchronized void onBatchCompleted(BatchInfo info) {
    BatchRecord batch = active.remove(info.batchTime());
    if (batch == null) { // a listener added late: make the record from the completion alone
      List<BatchSubmitted.InputBatch> inputs = new ArrayList<>();
      for (InputRecords input : info.inputs()) {
        inputs.add(
            new BatchSubmitted.InputBatch(
                input.input(), input.records(), input.receiverBlocked(), 0, false));
      }
      batch = BatchRecord.of(new BatchSubmitted(info.pipeline(), info.batchTime(), -1, inputs));
    }
    finish(batch.completed(info));
    totals.add(info);
  }

  @Override
  public synchronized void onBatchFailed(String name, long batchTime, String error) {
    BatchRecord batch = active.remove(batchTime);
    if (batch != null) {
      finish(batch.failed(error));
    }
    totals.failedBatches++;
  }

  @Override
  public synchronized void onPipelineStopped(String name, Throwable stoppedBy) {
    stopped(stoppedBy == null ? null : String.valueOf(stoppedBy.getMessage()));
  }

  @Override
  public synchronized void onCheckpointCompleted(CheckpointInfo checkpoint) {
    if (checkpoints.size() == RETAINED_CHECKPOINTS) {
      checkpoints.removeFirst();
    }
    checkpoints.addLast(checkpoint);
    checkpointsCompleted++;
  }

  @Override
  public synchronized void onReceiverError(ReceiverError error) {
    receiverErrors.put(error.input(), error);
  }

  /** The pipeline stopped, failing with {@code error} or, if {@code null}, on request. */
  synchronized void stopped(String error) {
    status = error == null ? "stopped" : "failed";
    failure = error;
  }

  /** A copy of what the UI shows now; any thread. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(
        pipeline,
        status,
        failure,
        List.copyOf(active.values()),
        List.copyOf(finished),
        totals.copy(),
        Map.copyOf(lastInputs),
        List.copyOf(checkpoints),
        checkpointsCompleted,
        Map.copyOf(receiverErrors));
  }

  private void finish(BatchRecord batch) {
    if (finished.size() == retained) {
      finished.removeFirst();
    }
    finished.addLast(batch);
  }

  /**
   * The UI's data at one moment.
   *
   * @param pipeline the pipeline, or {@code null} before it started
   * @param status {@code starting}, {@code running}, {@code stopped} or {@code failed}
   * @param failure what failed it, or {@code null}
   * @param active the batches submitted and not finished, oldest first
   * @param finished the last retained finished batches, oldest first
   * @param totals counts over every batch since the start
   * @param lastInputs each input's part of the batch submitted last, by input name
   * @param checkpoints the last {@value #RETAINED_CHECKPOINTS} state snapshots written, oldest
   *     first
   * @param checkpointsCompleted the state snapshots written since the start, retained or not
   * @param receiverErrors the newest error each receiver reported, with its count, by input name
   */
  public record Snapshot(
      PipelineInfo pipeline,
      String status,
      String failure,
      List<BatchRecord> active,
      List<BatchRecord> finished,
      Totals totals,
      Map<String, BatchSubmitted.InputBatch> lastInputs,
      List<CheckpointInfo> checkpoints,
      long checkpointsCompleted,
      Map<String, ReceiverError> receiverErrors) {

    /** The newest state snapshot written, or {@code null} before the first. */
    public CheckpointInfo lastCheckpoint() {
      return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    }

    /**
     * The size of stage {@code name}'s state as of the newest snapshot, or {@code null} if it has
     * none (a stateless stage, or no snapshot yet): sizes are measured at snapshots, not live.
     */
    public CheckpointInfo.StageSize stateSize(String name) {
      CheckpointInfo last = lastCheckpoint();
      if (last == null) {
        return null;
      }
      for (CheckpointInfo.StageSize size : last.stages()) {
        if (size.stage().equals(name)) {
          return size;
        }
      }
      return null;
    }

    /** The finished batch at {@code time}, else the active one, else {@code null}. */
    public BatchRecord batch(long time) {
      for (BatchRecord batch : finished) {
        if (batch.batchTime() == time) {
          return batch;
        }
      }
      for (BatchRecord batch : active) {
        if (batch.batchTime() == time) {
          return batch;
        }
      }
      return null;
    }
  }

  /**
   * Counts over every batch since the start, retained or not. Mutable only inside the state;
   * snapshots hold copies.
   */
  public static final class Totals {
    private long completedBatches;
    private long failedBatches;
    private long records;
    private long processingNanos;
    private long maxProcessingNanos;
    private final Map<String, long[]> inputs = new LinkedHashMap<>(); // records, blocked nanos
    private final Map<String, Long> outputs = new LinkedHashMap<>();

    void add(BatchInfo info) {
      completedBatches++;
      records += info.records();
      long processing = info.processingTime().toNanos();
      processingNanos += processing;
      maxProcessingNanos = Math.max(maxProcessingNanos, processing);
      for (InputRecords input : info.inputs()) {
        long[] sums = inputs.computeIfAbsent(input.input(), name -> new long[2]);
        sums[0] += input.records();
        sums[1] += input.receiverBlocked().toNanos();
      }
      for (OutputTime output : info.outputs()) {
        if (output.written()) {
          outputs.merge(output.output(), output.records(), Long::sum);
        }
      }
    }

    Totals copy() {
      Totals copy = new Totals();
      copy.completedBatches = completedBatches;
      copy.failedBatches = failedBatches;
      copy.records = records;
      copy.processingNanos = processingNanos;
      copy.maxProcessingNanos = maxProcessingNanos;
      inputs.forEach((name, sums) -> copy.inputs.put(name, sums.clone()));
      copy.outputs.putAll(outputs);
      return copy;
    }

    /** Batches completed since the start. */
    public long completedBatches() {
      return completedBatches;
    }

    /** Batches failed since the start (at most one: a failure stops the pipeline). */
    public long failedBatches() {
      return failedBatches;
    }

    /** Records of the completed batches. */
    public long records() {
      return records;
    }

    /** Summed processing time of the completed batches, in ns. */
    public long processingNanos() {
      return processingNanos;
    }

    /** The longest processing time of a completed batch, in ns. */
    public long maxProcessingNanos() {
      return maxProcessingNanos;
    }

    /** Records input {@code name} gave the completed batches. */
    public long inputRecords(String name) {
      long[] sums = inputs.get(name);
      return sums == null ? 0 : sums[0];
    }

    /** How long input {@code name}'s receiver waited for room, over the completed batches. */
    public long inputBlockedNanos(String name) {
      long[] sums = inputs.get(name);
      return sums == null ? 0 : sums[1];
    }

    /** Records output {@code name} was given over the completed batches. */
    public long outputRecords(String name) {
      return outputs.getOrDefault(name, 0L);
    }
  }
}
