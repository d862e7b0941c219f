package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.BatchSubmitted.InputBatch;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jctools.util.Pow2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the world about a pipeline's life: one log line per batch and the {@link StreamingListener}
 * callbacks, each listener shielded from the others' exceptions.
 *
 * <p>A batch with records logs at INFO, such as {@code Batch 1764032402000 of WordCount: 3 records,
 * scheduling delay 0 ms, processing 1.2 ms, total delay 1 ms}; an empty one at DEBUG, so an idle
 * pipeline stays quiet. Backpressure adds {@code , receivers blocked N ms}.
 *
 * <p><b>Threads:</b> driver only (and the thread that stops a pipeline before it started).
 * <b>Allocation:</b> per batch, the events' small records, and nothing without listeners.
 */
final class BatchReporter {

  private static final Logger log = LoggerFactory.getLogger("dev.sluice.runtime.batches");
  private static final Logger listenerLog = LoggerFactory.getLogger(BatchReporter.class);

  private final String pipeline;
  private final PipelineProgram program;
  private final Duration interval;
  private final int parallelism;
  private final int queueCapacity;
  private final List<StreamingListener> listeners;

  /** The time of the batch last started, which a failure reported by the execution is of. */
  private long runningBatch;

  private long startTime;

  BatchReporter(
      PipelineProgram program,
      Duration interval,
      int parallelism,
      EngineLimits limits,
      List<StreamingListener> listeners) {
    this.pipeline = program.name();
    this.program = program;
    this.interval = interval;
    this.parallelism = parallelism;
    // the receiver queue's real size: JCTools rounds it up to a power of two, at least 4
    this.queueCapacity = Pow2.roundToPowerOfTwo(Math.max(4, limits.receiverQueueCapacity()));
    this.listeners = List.copyOf(listeners);
  }

  /** The pipeline is being started at {@code now}, clock time; before the driver thread starts. */
  void startingAt(long now) {
    startTime = now;
  }

  /** The pipeline started; its first batch is at {@code firstBatchTime}. */
  void started(long firstBatchTime) {
    if (listeners.isEmpty()) {
      return;
    }
    PipelineInfo info = describe(firstBatchTime);
    tell("onPipelineStarted", listener -> listener.onPipelineStarted(info));
  }

  /** {@code batch} was sealed from {@code inputs} at {@code now}, clock time. */
  void submitted(SealedBatch batch, Inputs inputs, long now) {
    if (listeners.isEmpty()) {
      return;
    }
    List<String> names = inputs.names();
    List<InputBatch> parts = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      parts.add(
          new InputBatch(
              names.get(i),
              batch.inputs().get(i).size(),
              Duration.ofNanos(batch.blockedNanos(i)),
              inputs.queuePeak(i),
              inputs.ended(i)));
    }
    BatchSubmitted submitted = new BatchSubmitted(pipeline, batch.time(), now, parts);
    tell("onBatchSubmitted", listener -> listener.onBatchSubmitted(submitted));
  }

  /** The batch at {@code batchTime} started at {@code now}, clock time. */
  void batchStarted(long batchTime, long now) {
    runningBatch = batchTime;
    tell("onBatchStarted", listener -> listener.onBatchStarted(pipeline, batchTime, now));
  }

  /** The batch last started failed with {@code failure}. */
  void batchFailed(PipelineFailedException failure) {
    long batchTime = runningBatch;
    String error = failure.getMessage();
    tell("onBatchFailed", listener -> listener.onBatchFailed(pipeline, batchTime, error));
  }

  /** A batch completed. */
  void completed(BatchInfo batch) {
    if (batch.records() > 0) {
      if (log.isInfoEnabled()) {
        log.info(line(batch));
      }
    } else if (log.isDebugEnabled()) {
      log.debug(line(batch));
    }
    tell("onBatchCompleted", listener -> listener.onBatchCompleted(batch));
  }

  /** The pipeline stopped, because of {@code failure} or, if {@code null}, on request. */
  void stopped(Throwable failure) {
    tell("onPipelineStopped", listener -> listener.onPipelineStopped(pipeline, failure));
  }

  /** Input {@code input}'s receiver reported its {@code count}th error, {@code message}. */
  void receiverError(String input, String message, long count, long now) {
    ReceiverError error = new ReceiverError(pipeline, input, now, message, count);
    tell("onReceiverError", listener -> listener.onReceiverError(error));
  }

  /** A state snapshot was written. */
  void checkpointCompleted(CheckpointInfo checkpoint) {
    long entries = 0;
    for (CheckpointInfo.StageSize stage : checkpoint.stages()) {
      entries += stage.entries();
    }
    log.info(
        "Checkpoint of batch {} of {}: state of {} {} ({} entries), {} bytes; copied in {} ms, "
            + "written in {} ms",
        checkpoint.batchTime(),
        pipeline,
        checkpoint.stages().size(),
        checkpoint.stages().size() == 1 ? "stage" : "stages",
        entries,
        checkpoint.bytes(),
        String.format(Locale.ROOT, "%.1f", checkpoint.copyTime().toNanos() / 1e6),
        String.format(Locale.ROOT, "%.1f", checkpoint.writeTime().toNanos() / 1e6));
    tell("onCheckpointCompleted", listener -> listener.onCheckpointCompleted(checkpoint));
  }

  private void tell(String callback, Consumer<StreamingListener> call) {
    for (StreamingListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (Throwable e) { // a listener must not break the pipeline
        listenerFailed(listener, callback, e);
      }
    }
  }

  private PipelineInfo describe(long firstBatchTime) {
    List<PipelineInfo.Input> inputs = new ArrayList<>();
    for (InputSlot input : program.inputs()) {
      String source;
      try {
        source = input.source().describe();
      } catch (RuntimeException e) {
        source = "<describe() threw " + e + ">";
      }
      boolean receiver = input.source() instanceof ReceiverSource<?>;
      inputs.add(
          new PipelineInfo.Input(input.name(), source, receiver, receiver ? queueCapacity : 0));
    }
    List<PipelineInfo.Segment> segments = new ArrayList<>();
    List<String> code = SegmentCode.of(program);
    for (int s = 0; s < program.segments().size(); s++) {
      SegmentSlot segment = program.segments().get(s);
      segments.add(new PipelineInfo.Segment(segment.name(), segment.tasks(), code.get(s)));
    }
    List<PipelineInfo.Output> outputs = new ArrayList<>();
    for (OutputSlot output : program.outputs()) {
      outputs.add(new PipelineInfo.Output(output.name(), output.slide()));
    }
    return new PipelineInfo(
        pipeline, startTime, firstBatchTime, interval, parallelism, inputs, segments, outputs);
  }

  /** The log line of {@code batch}. */
  static String line(BatchInfo batch) {
    StringBuilder line =
        new StringBuilder(120)
            .append("Batch ")
            .append(batch.batchTime())
            .append(" of ")
            .append(batch.pipeline())
            .append(": ")
            .append(batch.records())
            .append(batch.records() == 1 ? " record" : " records")
            .append(", scheduling delay ")
            .append(batch.schedulingDelay().toMillis())
            .append(" ms")
            .append(", processing ")
            .append(millis(batch.processingTime()))
            .append(" ms")
            .append(", total delay ")
            .append(batch.totalDelay().toMillis())
            .append(" ms");
    long blocked = 0;
    for (InputRecords input : batch.inputs()) {
      blocked += input.receiverBlocked().toNanos();
    }
    if (blocked > 0) {
      line.append(", receivers blocked ").append(millis(Duration.ofNanos(blocked))).append(" ms");
    }
    return line.toString();
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
  }

  private void listenerFailed(StreamingListener listener, String callback, Throwable e) {
    listenerLog.warn("Listener {} of {} threw from {}; ignored", listener, pipeline, callback, e);
  }
}
