package dev.sluice.runtime.ui;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.OutputTime;
import dev.sluice.runtime.metrics.BatchInfo.SegmentTime;
import dev.sluice.runtime.metrics.BatchSubmitted.InputBatch;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.CheckpointInfo.StageSize;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import dev.sluice.runtime.monitor.BatchRecord;
import dev.sluice.runtime.monitor.MonitorState.Snapshot;
import dev.sluice.runtime.monitor.MonitorState.Totals;
import dev.sluice.runtime.monitor.StageGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents of the JSON API under {@code /api/v1/}, made from a {@link Snapshot}: the same data
 * the page draws. Times are epoch milliseconds of the batch clock; durations are milliseconds
 * ({@code ...Ms}, with microseconds as decimals where measured in nanoseconds); rates are records
 * per second. docs/monitoring.md lists every field.
 *
 * <p><b>Threads:</b> stateless; any thread.
 */
final class ApiDocuments {

  private ApiDocuments() {}

  /** {@code /api/v1/pipeline}: the header's figures and the pipeline's settings. */
  static Map<String, Object> pipeline(Snapshot state) {
    Map<String, Object> doc = new LinkedHashMap<>();
    PipelineInfo info = state.pipeline();
    Totals totals = state.totals();
    doc.put("name", info == null ? null : info.name());
    doc.put("status", state.status());
    doc.put("failure", state.failure());
    doc.put("startTime", info == null ? null : info.startTime());
    doc.put("firstBatchTime", info == null ? null : info.firstBatchTime());
    doc.put("batchIntervalMs", info == null ? null : info.batchInterval().toMillis());
    doc.put("parallelism", info == null ? null : info.parallelism());
    doc.put("batchesCompleted", totals.completedBatches());
    doc.put("batchesFailed", totals.failedBatches());
    doc.put("recordsProcessed", totals.records());
    doc.put("activeBatches", state.active().size());
    doc.put("retainedBatches", state.finished().size());
    doc.put(
        "meanProcessingTimeMs",
        totals.completedBatches() == 0
            ? null
            : totals.processingNanos() / 1e6 / totals.completedBatches());
    doc.put("maxProcessingTimeMs", totals.maxProcessingNanos() / 1e6);
    doc.put("checkpointsCompleted", state.checkpointsCompleted());
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    if (info != null) {
      info.inputs().forEach(input -> inputs.add(input.name()));
      info.outputs().forEach(output -> outputs.add(output.name()));
    }
    doc.put("inputs", inputs);
    doc.put("outputs", outputs);
    return doc;
  }

  /**
   * {@code /api/v1/batches}: the active and the retained finished batches, newest first, optionally
   * only those of {@code status} ({@code active}, {@code completed}, {@code failed}).
   */
  static List<Object> batches(Snapshot state, String status) {
    List<Object> list = new ArrayList<>();
    if (status == null || status.equals("active")) {
      for (int i = state.active().size() - 1; i >= 0; i--) {
        list.add(summary(state, state.active().get(i)));
      }
    }
    for (int i = state.finished().size() - 1; i >= 0; i--) {
      BatchRecord batch = state.finished().get(i);
      if (status == null || status.equals(batch.status().name().toLowerCase(Locale.ROOT))) {
        list.add(summary(state, batch));
      }
    }
    return list;
  }

  /** {@code /api/v1/batches/{time}}: one batch in detail. */
  static Map<String, Object> batch(Snapshot state, BatchRecord batch) {
    Map<String, Object> doc = summary(state, batch);
    BatchInfo info = batch.completed();
    List<Object> segments = new ArrayList<>();
    if (info != null) {
      for (SegmentTime segment : info.segments()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", segment.segment());
        item.put("timeMs", millis(segment.time()));
        segments.add(item);
      }
    }
    doc.put("segments", segments);
    List<Object> inputs = new ArrayList<>();
    for (InputBatch input : batch.submitted().inputs()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", input.input());
      item.put("records", input.records());
      item.put("receiverBlockedMs", millis(input.receiverBlocked()));
      item.put("queuePeak", input.queuePeak());
      inputs.add(item);
    }
    doc.put("inputs", inputs);
    doc.put("outputs", outputs(state, batch));
    return doc;
  }

  /** {@code /api/v1/inputs}: each input with its receiver's state. */
  static List<Object> inputs(Snapshot state) {
    List<Object> list = new ArrayList<>();
    PipelineInfo info = state.pipeline();
    if (info == null) {
      return list;
    }
    BatchRecord last = lastCompleted(state);
    double intervalSeconds = info.batchInterval().toMillis() / 1000.0;
    for (PipelineInfo.Input input : info.inputs()) {
      Map<String, Object> item = new LinkedHashMap<>();
      InputBatch lastPart = state.lastInputs().get(input.name());
      item.put("name", input.name());
      item.put("source", input.source());
      item.put("kind", input.receiver() ? "receiver" : "batch");
      item.put("status", inputStatus(state, input, lastPart));
      item.put("records", state.totals().inputRecords(input.name()));
      item.put("rate", last == null ? null : recordsOf(last, input.name()) / intervalSeconds);
      item.put("meanRate", meanRate(state, input.name(), intervalSeconds));
      item.put("queueCapacity", input.queueCapacity());
      item.put("queuePeak", lastPart == null ? 0 : lastPart.queuePeak());
      item.put("receiverBlockedMs", state.totals().inputBlockedNanos(input.name()) / 1e6);
      String failure = inputError(state, input.name());
      ReceiverError reported = state.receiverErrors().get(input.name());
      item.put("lastError", failure != null || reported == null ? failure : reported.message());
      item.put("lastErrorTime", failure != null || reported == null ? null : reported.time());
      item.put("errors", reported == null ? 0 : reported.errors());
      list.add(item);
    }
    return list;
  }

  /** {@code /api/v1/checkpoints}: the retained state snapshots, newest first. */
  static List<Object> checkpoints(Snapshot state) {
    List<Object> list = new ArrayList<>();
    for (int i = state.checkpoints().size() - 1; i >= 0; i--) {
      CheckpointInfo checkpoint = state.checkpoints().get(i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("batchTime", checkpoint.batchTime());
      item.put("batchIndex", checkpoint.batchIndex());
      item.put("copyMs", millis(checkpoint.copyTime()));
      item.put("writeMs", millis(checkpoint.writeTime()));
      item.put("bytes", checkpoint.bytes());
      item.put("stages", stateSizes(checkpoint.stages()));
      list.add(item);
    }
    return list;
  }

  /**
   * {@code /api/v1/stages}: the segments with their times, the stage graph, and each stateful
   * stage's state as of the last checkpoint.
   */
  static Map<String, Object> stages(Snapshot state) {
    Map<String, Object> doc = new LinkedHashMap<>();
    PipelineInfo info = state.pipeline();
    List<Object> segments = new ArrayList<>();
    List<Object> nodes = new ArrayList<>();
    List<Object> edges = new ArrayList<>();
    if (info != null) {
      for (int s = 0; s < info.segments().size(); s++) {
        PipelineInfo.Segment segment = info.segments().get(s);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", s);
        item.put("name", segment.name());
        item.put("tasks", segment.tasks());
        long count = 0;
        long sum = 0;
        long max = 0;
        Long last = null;
        for (BatchRecord batch : state.finished()) {
          if (batch.completed() != null && s < batch.completed().segments().size()) {
            long nanos = batch.completed().segments().get(s).time().toNanos();
            count++;
            sum += nanos;
            max = Math.max(max, nanos);
            last = nanos;
          }
        }
        item.put("lastTimeMs", last == null ? null : last / 1e6);
        item.put("meanTimeMs", count == 0 ? null : sum / 1e6 / count);
        item.put("maxTimeMs", count == 0 ? null : max / 1e6);
        item.put("code", segment.code());
        segments.add(item);
      }
      StageGraph graph = StageGraph.of(info);
      for (StageGraph.Node node : graph.nodes()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", node.name());
        item.put("kind", node.kind());
        item.put("segment", node.segment());
        if (node.kind().equals("input")) {
          item.put("records", state.totals().inputRecords(node.name()));
        } else if (node.kind().equals("output")) {
          item.put("records", state.totals().outputRecords(node.name()));
        }
        StageSize size = state.stateSize(node.name());
        if (size != null) {
          item.put("stateEntries", size.entries());
          item.put("stateBytes", size.bytes());
        }
        nodes.add(item);
      }
      for (StageGraph.Edge edge : graph.edges()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("from", edge.from());
        item.put("to", edge.to());
        item.put("kind", edge.kind());
        edges.add(item);
      }
    }
    doc.put("segments", segments);
    doc.put("nodes", nodes);
    doc.put("edges", edges);
    CheckpointInfo last = state.lastCheckpoint();
    doc.put("stateAsOf", last == null ? null : last.batchTime());
    doc.put("state", last == null ? List.of() : stateSizes(last.stages()));
    return doc;
  }

  private static List<Object> stateSizes(List<StageSize> sizes) {
    List<Object> list = new ArrayList<>();
    for (StageSize size : sizes) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", size.stage());
      item.put("entries", size.entries());
      item.put("bytes", size.bytes());
      list.add(item);
    }
    return list;
  }

  private static Map<String, Object> summary(Snapshot state, BatchRecord batch) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("batchTime", batch.batchTime());
    doc.put("status", batch.status().name().toLowerCase(Locale.ROOT));
    doc.put("records", batch.records());
    Map<String, Object> perInput = new LinkedHashMap<>();
    batch.submitted().inputs().forEach(input -> perInput.put(input.input(), input.records()));
    doc.put("inputRecords", perInput);
    doc.put(
        "submissionTime",
        batch.submitted().submissionTime() < 0 ? null : batch.submitted().submissionTime());
    BatchInfo info = batch.completed();
    Object scheduling = null;
    if (info != null) {
      scheduling = info.schedulingDelay().toMillis();
    } else if (batch.startTime() >= 0) {
      scheduling = Math.max(0, batch.startTime() - batch.batchTime());
    }
    doc.put("schedulingDelayMs", scheduling);
    doc.put("processingTimeMs", info == null ? null : millis(info.processingTime()));
    doc.put("totalDelayMs", info == null ? null : millis(info.totalDelay()));
    int total = 0;
    int succeeded = 0;
    for (Map<String, Object> output : outputs(state, batch)) {
      if (!output.get("status").equals("skipped")) {
        total++;
      }
      if (output.get("status").equals("succeeded")) {
        succeeded++;
      }
    }
    doc.put("outputOpsSucceeded", succeeded);
    doc.put("outputOpsTotal", total);
    doc.put("error", batch.error());
    return doc;
  }

  /**
   * Each output operation of {@code batch}: succeeded, skipped (between slides), failed, pending.
   */
  private static List<Map<String, Object>> outputs(Snapshot state, BatchRecord batch) {
    List<Map<String, Object>> list = new ArrayList<>();
    PipelineInfo info = state.pipeline();
    if (info == null) {
      return list;
    }
    BatchInfo completed = batch.completed();
    long index = (batch.batchTime() - info.firstBatchTime()) / info.batchInterval().toMillis();
    for (int o = 0; o < info.outputs().size(); o++) {
      PipelineInfo.Output output = info.outputs().get(o);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", output.name());
      OutputTime time =
          completed != null && o < completed.outputs().size() ? completed.outputs().get(o) : null;
      String status;
      if (time != null) {
        status = time.written() ? "succeeded" : "skipped";
      } else if ((index + 1) % output.slide() != 0) {
        status = "skipped";
      } else if (batch.error() != null) {
        status = batch.error().contains("output '" + output.name() + "'") ? "failed" : "not run";
      } else {
        status = "pending";
      }
      item.put("status", status);
      item.put("records", time == null ? null : time.records());
      item.put("durationMs", time == null || !time.written() ? null : millis(time.time()));
      item.put("error", status.equals("failed") ? batch.error() : null);
      list.add(item);
    }
    return list;
  }

  private static String inputStatus(Snapshot state, PipelineInfo.Input input, InputBatch last) {
    if (inputError(state, input.name()) != null) {
      return "failed";
    }
    if (!input.receiver()) {
      return state.status().equals("running") ? "polled per batch" : "stopped";
    }
    if (last != null && last.ended()) {
      return "ended";
    }
    return state.status().equals("running") ? "receiving" : "stopped";
  }

  private static String inputError(Snapshot state, String input) {
    String failure = state.failure();
    return failure != null && failure.contains("input '" + input + "'") ? failure : null;
  }

  private static BatchRecord lastCompleted(Snapshot state) {
    for (int i = state.finished().size() - 1; i >= 0; i--) {
      if (state.finished().get(i).completed() != null) {
        return state.finished().get(i);
      }
    }
    return null;
  }

  private static long recordsOf(BatchRecord batch, String input) {
    for (InputBatch part : batch.submitted().inputs()) {
      if (part.input().equals(input)) {
        return part.records();
      }
    }
    return 0;
  }

  private static Double meanRate(Snapshot state, String input, double intervalSeconds) {
    long batches = 0;
    long records = 0;
    for (BatchRecord batch : state.finished()) {
      if (batch.completed() != null) {
        batches++;
        records += recordsOf(batch, input);
      }
    }
    return batches == 0 ? null : records / intervalSeconds / batches;
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }
}
