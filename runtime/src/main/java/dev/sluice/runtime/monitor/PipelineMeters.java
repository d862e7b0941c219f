package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchInfo.OutputTime;
import dev.sluice.runtime.metrics.BatchInfo.SegmentTime;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import dev.sluice.runtime.metrics.StreamingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pipeline's Micrometer meters, fed by its listener events. Every meter is tagged with the
 * pipeline's name, and with the input, output, segment or stateful stage it measures; never with a
 * record or a key. In Prometheus' format the names end in {@code _seconds} and {@code _total};
 * docs/monitoring.md lists them all.
 *
 * <p><b>Threads:</b> the callbacks run on the driver thread; the registry reads gauges and meters
 * from whichever thread scrapes it, through Micrometer's thread-safe meters and the atomics held
 * here. <b>Allocation:</b> meters are made at the start, the state gauges of a stage at the first
 * checkpoint that reports it; per batch, lookups in small maps.
 */
public final class PipelineMeters implements StreamingListener {

  private final MeterRegistry registry;
  private Tags pipelineTags = Tags.empty();
  private Timer schedulingDelay;
  private Timer processingTime;
  private Timer totalDelay;
  private Counter batchesCompleted;
  private Counter batchesFailed;
  private final AtomicLong pendingBatches = new AtomicLong();
  private final AtomicLong lastBatchRecords = new AtomicLong();
  private final Map<String, Counter> recordsIn = new HashMap<>();
  private final Map<String, Counter> receiverBlocked = new HashMap<>();
  private final Map<String, AtomicLong> queuePeak = new HashMap<>();
  private final Map<String, Counter> receiverErrors = new HashMap<>();
  private final Map<String, Long> receiverErrorsCounted = new HashMap<>();
  private final Map<String, Counter> recordsOut = new HashMap<>();
  private final Map<String, Timer> outputTime = new HashMap<>();
  private final Map<String, Timer> segmentTime = new HashMap<>();
  private Counter checkpoints;
  private Timer checkpointCopy;
  private Timer checkpointWrite;
  private AtomicLong checkpointBytes; // registered at the first checkpoint: no size before it
  private final Map<String, AtomicLong[]> stateSize = new HashMap<>(); // entries, bytes

  /** Meters registered on {@code registry} when the pipeline starts. */
  public PipelineMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onPipelineStarted(PipelineInfo pipeline) {
    pipelineTags = Tags.of("pipeline", pipeline.name());
    Duration slowest = pipeline.batchInterval().multipliedBy(100);
    schedulingDelay =
        timer(
            "sluice.batch.scheduling.delay",
            "From a batch's time until its first task started",
            slowest);
    processingTime =
        timer(
            "sluice.batch.processing.time",
            "From a batch's first task until its last output was written",
            slowest);
    totalDelay =
        timer(
            "sluice.batch.total.delay",
            "From a batch's time until its last output was written",
            slowest);
    batchesCompleted =
        Counter.builder("sluice.batches.completed")
            .description("Batches whose outputs were all written")
            .tags(pipelineTags)
            .register(registry);
    batchesFailed =
        Counter.builder("sluice.batches.failed")
            .description("Batches that failed (a failure stops the pipeline)")
            .tags(pipelineTags)
            .register(registry);
    Gauge.builder("sluice.batches.pending", pendingBatches, AtomicLong::get)
        .description("Batches sealed and not yet finished, the running one included")
        .tags(pipelineTags)
        .register(registry);
    Gauge.builder("sluice.batch.records", lastBatchRecords, AtomicLong::get)
        .description("Records of the batch completed last")
        .tags(pipelineTags)
        .baseUnit("records")
        .register(registry);
    Gauge.builder("sluice.batch.interval", pipeline.batchInterval(), d -> d.toNanos() / 1e9)
        .description("The batch interval")
        .tags(pipelineTags)
        .baseUnit("seconds")
        .register(registry);
    for (PipelineInfo.Input input : pipeline.inputs()) {
      Tags tags = pipelineTags.and("input", input.name());
      recordsIn.put(
          input.name(),
          Counter.builder("sluice.records.in")
              .description("Records an input gave to completed batches")
              .tags(tags)
              .register(registry));
      if (input.receiver()) {
        receiverBlocked.put(
            input.name(),
            Counter.builder("sluice.receiver.blocked")
                .description("Time a receiver waited for room in its full queue: backpressure")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry));
        receiverErrors.put(
            input.name(),
            Counter.builder("sluice.receiver.errors")
                .description("Errors a receiver reported and got over, such as refused connections")
                .tags(tags)
                .register(registry));
        AtomicLong peak = new AtomicLong();
        queuePeak.put(input.name(), peak);
        Gauge.builder("sluice.receiver.queue.peak", peak, AtomicLong::get)
            .description("Most records a receiver's queue held while the last batch collected")
            .tags(tags)
            .baseUnit("records")
            .register(registry);
        Gauge.builder("sluice.receiver.queue.capacity", input, i -> i.queueCapacity())
            .description("Records a receiver's queue holds before the receiver waits")
            .tags(tags)
            .baseUnit("records")
            .register(registry);
      }
    }
    for (PipelineInfo.Output output : pipeline.outputs()) {
      Tags tags = pipelineTags.and("output", output.name());
      recordsOut.put(
          output.name(),
          Counter.builder("sluice.records.out")
              .description("Records an output's sink was given")
              .tags(tags)
              .register(registry));
      outputTime.put(
          output.name(),
          Timer.builder("sluice.output.time")
              .description("How long an output's sink took to write a batch")
              .tags(tags)
              .register(registry));
    }
    checkpoints =
        Counter.builder("sluice.checkpoints")
            .description("State snapshots written to the checkpoint directory")
            .tags(pipelineTags)
            .register(registry);
    checkpointCopy =
        Timer.builder("sluice.checkpoint.copy")
            .description("How long the driver took to copy the state, between two batches")
            .tags(pipelineTags)
            .register(registry);
    checkpointWrite =
        Timer.builder("sluice.checkpoint.write")
            .description("How long the log's writer took to encode, write and force a snapshot")
            .tags(pipelineTags)
            .register(registry);
    for (PipelineInfo.Segment segment : pipeline.segments()) {
      segmentTime.put(
          segment.name(),
          Timer.builder("sluice.segment.time")
              .description("How long a segment's tasks took for a batch, first start to last end")
              .tags(pipelineTags.and("segment", segment.name()))
              .register(registry));
    }
  }

  @Override
  public void onBatchSubmitted(BatchSubmitted batch) {
    pendingBatches.incrementAndGet();
    for (BatchSubmitted.InputBatch input : batch.inputs()) {
      AtomicLong peak = queuePeak.get(input.input());
      if (peak != null) {
        peak.set(input.queuePeak());
      }
    }
  }

  @Override
  public void onBatchCompleted(BatchInfo batch) {
    if (schedulingDelay == null) {
      return; // added after the start: nothing registered
    }
    pendingBatches.updateAndGet(pending -> Math.max(0, pending - 1));
    batchesCompleted.increment();
    lastBatchRecords.set(batch.records());
    schedulingDelay.record(batch.schedulingDelay());
    processingTime.record(batch.processingTime());
    totalDelay.record(batch.totalDelay());
    for (InputRecords input : batch.inputs()) {
      recordsIn.get(input.input()).increment(input.records());
      Counter blocked = receiverBlocked.get(input.input());
      if (blocked != null) {
        blocked.increment(input.receiverBlocked().toNanos() / 1e9);
      }
    }
    for (OutputTime output : batch.outputs()) {
      if (output.written()) {
        recordsOut.get(output.output()).increment(output.records());
        outputTime.get(output.output()).record(output.time());
      }
    }
    for (SegmentTime segment : batch.segments()) {
      segmentTime.get(segment.segment()).record(segment.time());
    }
  }

  @Override
  public void onBatchFailed(String pipeline, long batchTime, String error) {
    if (batchesFailed != null) {
      pendingBatches.updateAndGet(pending -> Math.max(0, pending - 1));
      batchesFailed.increment();
    }
  }

  @Override
  public void onReceiverError(ReceiverError error) {
    Counter errors = receiverErrors.get(error.input());
    if (errors != null) { // the event carries the running count: add what is new
      long counted = receiverErrorsCounted.getOrDefault(error.input(), 0L);
      errors.increment(error.errors() - counted);
      receiverErrorsCounted.put(error.input(), error.errors());
    }
  }

  @Override
  public void onCheckpointCompleted(CheckpointInfo checkpoint) {
    if (checkpoints == null) {
      return; // added after the start: nothing registered
    }
    checkpoints.increment();
    checkpointCopy.record(checkpoint.copyTime());
    checkpointWrite.record(checkpoint.writeTime());
    if (checkpointBytes == null) {
      checkpointBytes = new AtomicLong();
      Gauge.builder("sluice.checkpoint.bytes", checkpointBytes, AtomicLong::get)
          .description("Size of the last state snapshot's file")
          .tags(pipelineTags)
          .baseUnit("bytes")
          .register(registry);
    }
    checkpointBytes.set(checkpoint.bytes());
    for (CheckpointInfo.StageSize stage : checkpoint.stages()) {
      AtomicLong[] size = stateSize.computeIfAbsent(stage.stage(), this::stateGauges);
      size[0].set(stage.entries());
      size[1].set(stage.bytes());
    }
  }

  /** The gauges of a stateful stage's state, as of the last checkpoint. */
  private AtomicLong[] stateGauges(String stage) {
    AtomicLong[] size = {new AtomicLong(), new AtomicLong()};
    Tags tags = pipelineTags.and("stage", stage);
    Gauge.builder("sluice.state.entries", size[0], AtomicLong::get)
        .description(
            "Entries of a stateful stage's state (keys, or a window's records), as of the "
                + "last checkpoint")
        .tags(tags)
        .baseUnit("entries")
        .register(registry);
    Gauge.builder("sluice.state.bytes", size[1], AtomicLong::get)
        .description("Encoded size of a stateful stage's state, as of the last checkpoint")
        .tags(tags)
        .baseUnit("bytes")
        .register(registry);
    return size;
  }

  private Timer timer(String name, String description, Duration max) {
    return Timer.builder(name)
        .description(description)
        .tags(pipelineTags)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(max)
        .register(registry);
  }
}
