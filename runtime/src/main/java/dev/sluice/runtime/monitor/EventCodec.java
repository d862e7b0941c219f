package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchInfo.OutputTime;
import dev.sluice.runtime.metrics.BatchInfo.SegmentTime;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.BatchSubmitted.InputBatch;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.CheckpointInfo.StageSize;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log's format: one JSON object per line, with an {@code event} field naming the listener
 * callback and a {@code version} on the first ({@code pipelineStarted}) line. Durations are whole
 * nanoseconds, so a replay gives back exactly what the live pipeline reported.
 *
 * <p><b>Threads:</b> stateless; any thread.
 */
final class EventCodec {

  /**
   * The format's version, written on the first line; a reader refuses a newer one. Version 2 added
   * {@code checkpointCompleted} and {@code receiverError}, which a reader of version 1 would stop
   * at.
   */
  static final int VERSION = 2;

  private EventCodec() {}

  static String pipelineStarted(PipelineInfo info) {
    Map<String, Object> line = event("pipelineStarted");
    line.put("version", VERSION);
    line.put("pipeline", info.name());
    line.put("startTime", info.startTime());
    line.put("firstBatchTime", info.firstBatchTime());
    line.put("batchIntervalNanos", info.batchInterval().toNanos());
    line.put("parallelism", info.parallelism());
    List<Object> inputs = new ArrayList<>();
    for (PipelineInfo.Input input : info.inputs()) {
      inputs.add(
          map(
              "name",
              input.name(),
              "source",
              input.source(),
              "receiver",
              input.receiver(),
              "queueCapacity",
              input.queueCapacity()));
    }
    line.put("inputs", inputs);
    List<Object> segments = new ArrayList<>();
    for (PipelineInfo.Segment segment : info.segments()) {
      segments.add(map("name", segment.name(), "tasks", segment.tasks(), "code", segment.code()));
    }
    line.put("segments", segments);
    List<Object> outputs = new ArrayList<>();
    for (PipelineInfo.Output output : info.outputs()) {
      outputs.add(map("name", output.name(), "slide", output.slide()));
    }
    line.put("outputs", outputs);
    return Json.write(line);
  }

  static String batchSubmitted(BatchSubmitted batch) {
    Map<String, Object> line = event("batchSubmitted");
    line.put("pipeline", batch.pipeline());
    line.put("batchTime", batch.batchTime());
    line.put("submissionTime", batch.submissionTime());
    List<Object> inputs = new ArrayList<>();
    for (InputBatch input : batch.inputs()) {
      inputs.add(
          map(
              "name",
              input.input(),
              "records",
              input.records(),
              "blockedNanos",
              input.receiverBlocked().toNanos(),
              "queuePeak",
              input.queuePeak(),
              "ended",
              input.ended()));
    }
    line.put("inputs", inputs);
    return Json.write(line);
  }

  static String batchStarted(String pipeline, long batchTime, long startTime) {
    return Json.write(
        map(
            "event",
            "batchStarted",
            "pipeline",
            pipeline,
            "batchTime",
            batchTime,
            "startTime",
            startTime));
  }

  static String batchCompleted(BatchInfo batch) {
    Map<String, Object> line = event("batchCompleted");
    line.put("pipeline", batch.pipeline());
    line.put("batchTime", batch.batchTime());
    line.put("records", batch.records());
    line.put("schedulingDelayNanos", batch.schedulingDelay().toNanos());
    line.put("processingTimeNanos", batch.processingTime().toNanos());
    line.put("totalDelayNanos", batch.totalDelay().toNanos());
    List<Object> segments = new ArrayList<>();
    for (SegmentTime segment : batch.segments()) {
      segments.add(map("name", segment.segment(), "nanos", segment.time().toNanos()));
    }
    line.put("segments", segments);
    List<Object> inputs = new ArrayList<>();
    for (InputRecords input : batch.inputs()) {
      inputs.add(
          map(
              "name",
              input.input(),
              "records",
              input.records(),
              "blockedNanos",
              input.receiverBlocked().toNanos()));
    }
    line.put("inputs", inputs);
    List<Object> outputs = new ArrayList<>();
    for (OutputTime output : batch.outputs()) {
      outputs.add(
          map(
              "name",
              output.output(),
              "records",
              output.records(),
              "nanos",
              output.time().toNanos(),
              "written",
              output.written()));
    }
    line.put("outputs", outputs);
    return Json.write(line);
  }

  static String batchFailed(String pipeline, long batchTime, String error) {
    return Json.write(
        map("event", "batchFailed", "pipeline", pipeline, "batchTime", batchTime, "error", error));
  }

  static String checkpointCompleted(CheckpointInfo checkpoint) {
    Map<String, Object> line = event("checkpointCompleted");
    line.put("pipeline", checkpoint.pipeline());
    line.put("batchIndex", checkpoint.batchIndex());
    line.put("batchTime", checkpoint.batchTime());
    line.put("copyNanos", checkpoint.copyTime().toNanos());
    line.put("writeNanos", checkpoint.writeTime().toNanos());
    line.put("bytes", checkpoint.bytes());
    List<Object> stages = new ArrayList<>();
    for (StageSize stage : checkpoint.stages()) {
      stages.add(map("name", stage.stage(), "entries", stage.entries(), "bytes", stage.bytes()));
    }
    line.put("stages", stages);
    return Json.write(line);
  }

  static String receiverError(ReceiverError error) {
    return Json.write(
        map(
            "event",
            "receiverError",
            "pipeline",
            error.pipeline(),
            "input",
            error.input(),
            "time",
            error.time(),
            "message",
            error.message(),
            "errors",
            error.errors()));
  }

  static String pipelineStopped(String pipeline, String failure) {
    return Json.write(map("event", "pipelineStopped", "pipeline", pipeline, "failure", failure));
  }

  /**
   * Replays one line onto {@code state}.
   *
   * @throws IllegalArgumentException if the line is not an event of this format
   */
  @SuppressWarnings("unchecked") // the format's objects and arrays
  static void replay(String text, MonitorState state) {
    Map<String, Object> line = (Map<String, Object>) Json.parse(text);
    String event = (String) line.get("event");
    if (event == null) {
      throw new IllegalArgumentException("no event field");
    }
    switch (event) {
      case "pipelineStarted" -> {
        long version = number(line, "version");
        if (version > VERSION) {
          throw new IllegalArgumentException(
              "event log version " + version + " is newer than this reader's " + VERSION);
        }
        List<PipelineInfo.Input> inputs = new ArrayList<>();
        for (Map<String, Object> input : list(line, "inputs")) {
          inputs.add(
              new PipelineInfo.Input(
                  (String) input.get("name"),
                  (String) input.get("source"),
                  (Boolean) input.get("receiver"),
                  (int) number(input, "queueCapacity")));
        }
        List<PipelineInfo.Segment> segments = new ArrayList<>();
        for (Map<String, Object> segment : list(line, "segments")) {
          segments.add(
              new PipelineInfo.Segment(
                  (String) segment.get("name"),
                  (int) number(segment, "tasks"),
                  (String) segment.get("code")));
        }
        List<PipelineInfo.Output> outputs = new ArrayList<>();
        for (Map<String, Object> output : list(line, "outputs")) {
          outputs.add(
              new PipelineInfo.Output((String) output.get("name"), (int) number(output, "slide")));
        }
        state.onPipelineStarted(
            new PipelineInfo(
                (String) line.get("pipeline"),
                number(line, "startTime"),
                number(line, "firstBatchTime"),
                Duration.ofNanos(number(line, "batchIntervalNanos")),
                (int) number(line, "parallelism"),
                inputs,
                segments,
                outputs));
      }
      case "batchSubmitted" -> {
        List<InputBatch> inputs = new ArrayList<>();
        for (Map<String, Object> input : list(line, "inputs")) {
          inputs.add(
              new InputBatch(
                  (String) input.get("name"),
                  number(input, "records"),
                  Duration.ofNanos(number(input, "blockedNanos")),
                  (int) number(input, "queuePeak"),
                  (Boolean) input.get("ended")));
        }
        state.onBatchSubmitted(
            new BatchSubmitted(
                (String) line.get("pipeline"),
                number(line, "batchTime"),
                number(line, "submissionTime"),
                inputs));
      }
      case "batchStarted" ->
          state.onBatchStarted(
              (String) line.get("pipeline"), number(line, "batchTime"), number(line, "startTime"));
      case "batchCompleted" -> {
        List<SegmentTime> segments = new ArrayList<>();
        for (Map<String, Object> segment : list(line, "segments")) {
          segments.add(
              new SegmentTime(
                  (String) segment.get("name"), Duration.ofNanos(number(segment, "nanos"))));
        }
        List<InputRecords> inputs = new ArrayList<>();
        for (Map<String, Object> input : list(line, "inputs")) {
          inputs.add(
              new InputRecords(
                  (String) input.get("name"),
                  number(input, "records"),
                  Duration.ofNanos(number(input, "blockedNanos"))));
        }
        List<OutputTime> outputs = new ArrayList<>();
        for (Map<String, Object> output : list(line, "outputs")) {
          outputs.add(
              new OutputTime(
                  (String) output.get("name"),
                  number(output, "records"),
                  Duration.ofNanos(number(output, "nanos")),
                  (Boolean) output.get("written")));
        }
        state.onBatchCompleted(
            new BatchInfo(
                (String) line.get("pipeline"),
                number(line, "batchTime"),
                number(line, "records"),
                Duration.ofNanos(number(line, "schedulingDelayNanos")),
                Duration.ofNanos(number(line, "processingTimeNanos")),
                Duration.ofNanos(number(line, "totalDelayNanos")),
                segments,
                inputs,
                outputs));
      }
      case "batchFailed" ->
          state.onBatchFailed(
              (String) line.get("pipeline"), number(line, "batchTime"), (String) line.get("error"));
      case "checkpointCompleted" -> {
        List<StageSize> stages = new ArrayList<>();
        for (Map<String, Object> stage : list(line, "stages")) {
          stages.add(
              new StageSize(
                  (String) stage.get("name"), number(stage, "entries"), number(stage, "bytes")));
        }
        state.onCheckpointCompleted(
            new CheckpointInfo(
                (String) line.get("pipeline"),
                number(line, "batchIndex"),
                number(line, "batchTime"),
                Duration.ofNanos(number(line, "copyNanos")),
                Duration.ofNanos(number(line, "writeNanos")),
                number(line, "bytes"),
                stages));
      }
      case "receiverError" ->
          state.onReceiverError(
              new ReceiverError(
                  (String) line.get("pipeline"),
                  (String) line.get("input"),
                  number(line, "time"),
                  (String) line.get("message"),
                  number(line, "errors")));
      case "pipelineStopped" -> state.stopped((String) line.get("failure"));
      default -> throw new IllegalArgumentException("unknown event '" + event + "'");
    }
  }

  private static Map<String, Object> event(String name) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", name);
    return line;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static long number(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Long number)) {
      throw new IllegalArgumentException("field '" + key + "' is not a whole number: " + value);
    }
    return number;
  }

  @SuppressWarnings("unchecked") // the format's arrays of objects
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof List<?>)) {
      throw new IllegalArgumentException("field '" + key + "' is not a list");
    }
    return (List<Map<String, Object>>) value;
  }
}
