package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.monitor.Json;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON API's contract, with the JDK's HTTP client against the generated WordCount on a manual
 * clock: three known batches, their exact figures, and a failed batch of another pipeline.
 */
@Timeout(60)
class MonitoringApiTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long START = 1_764_032_398_000L;
  private static final long T1 = 1_764_032_400_000L;
  private static final long T2 = T1 + 2000;
  private static final long T3 = T2 + 2000;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheFiguresOfTheBatchesThatRan() throws Exception {
    ManualClock clock = BatchClock.manual(START);
    StreamingPipeline pipeline =
        WordCountPipeline.builder()
            .lines(
                Sources.batches(
                    List.of(
                        List.of("hello world"), List.of("hello spark spark"), List.<String>of())))
            .print(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
            .clock(clock)
            .parallelism(2)
            .uiPort(0)
            .build();
    pipeline.start();
    try {
      URI ui = pipeline.uiAddress().orElseThrow();
      assertEquals("127.0.0.1", ui.getHost());
      clock.setMillis(T1 + 5); // batch 1 starts 5 ms late
      assertTrue(pipeline.awaitBatch(T1, WAIT));
      clock.setMillis(T2);
      assertTrue(pipeline.awaitBatch(T2, WAIT));
      clock.setMillis(T3 + 20);
      assertTrue(pipeline.awaitBatch(T3, WAIT));

      Map<String, Object> info = object(get(ui, "api/v1/pipeline"));
      assertEquals("WordCount", info.get("name"));
      assertEquals("running", info.get("status"));
      assertEquals(START, info.get("startTime"));
      assertEquals(T1, info.get("firstBatchTime"));
      assertEquals(2000L, info.get("batchIntervalMs"));
      assertEquals(2L, info.get("parallelism"));
      assertEquals(3L, info.get("batchesCompleted"));
      assertEquals(0L, info.get("batchesFailed"));
      assertEquals(2L, info.get("recordsProcessed"));
      assertEquals(0L, info.get("activeBatches"));
      assertEquals(List.of("lines"), info.get("inputs"));
      assertEquals(List.of("print"), info.get("outputs"));

      List<Map<String, Object>> batches = list(get(ui, "api/v1/batches"));
      assertEquals(List.of(T3, T2, T1), batches.stream().map(b -> b.get("batchTime")).toList());
      assertEquals(List.of(0L, 1L, 1L), batches.stream().map(b -> b.get("records")).toList());
      assertEquals(
          List.of(20L, 0L, 5L), batches.stream().map(b -> b.get("schedulingDelayMs")).toList());
      assertEquals(
          List.of(T3 + 20, T2, T1 + 5),
          batches.stream().map(b -> b.get("submissionTime")).toList());
      for (Map<String, Object> batch : batches) {
        assertEquals("completed", batch.get("status"));
        assertEquals(1L, batch.get("outputOpsSucceeded"));
        assertEquals(1L, batch.get("outputOpsTotal"));
        double processing = ((Number) batch.get("processingTimeMs")).doubleValue();
        long scheduling = (Long) batch.get("schedulingDelayMs");
        assertEquals(
            scheduling + processing,
            (Double) batch.get("totalDelayMs"),
            0.0015,
            "total delay = scheduling delay + processing time");
      }
      assertEquals(Map.of("lines", 1L), batches.get(1).get("inputRecords"));
      assertEquals(List.of(), list(get(ui, "api/v1/batches?status=active")));
      assertEquals(3, list(get(ui, "api/v1/batches?status=completed")).size());

      Map<String, Object> second = object(get(ui, "api/v1/batches/" + T2));
      assertEquals(
          List.of("lines -> words -> pairs", "counts -> print"),
          list(second.get("segments")).stream().map(s -> s.get("name")).toList());
      Map<String, Object> input = list(second.get("inputs")).get(0);
      assertEquals(
          Map.of("name", "lines", "records", 1L, "receiverBlockedMs", 0.0, "queuePeak", 0L), input);
      Map<String, Object> output = list(second.get("outputs")).get(0);
      assertEquals("print", output.get("name"));
      assertEquals("succeeded", output.get("status"));
      assertEquals(2L, output.get("records"), "(hello,1) and (spark,2)");
      assertTrue(((Number) output.get("durationMs")).doubleValue() >= 0);

      Map<String, Object> lines = list(get(ui, "api/v1/inputs")).get(0);
      assertEquals("lines", lines.get("name"));
      assertEquals("batches (3)", lines.get("source"));
      assertEquals("batch", lines.get("kind"));
      assertEquals("polled per batch", lines.get("status"));
      assertEquals(2L, lines.get("records"));
      assertEquals(0.0, lines.get("rate"), "no line in the last batch");
      assertEquals(0.333, lines.get("meanRate"), "2 lines in 3 batches of 2 s");

      Map<String, Object> stages = object(get(ui, "api/v1/stages"));
      assertEquals(
          List.of("lines", "words", "pairs", "counts", "print"),
          list(stages.get("nodes")).stream().map(n -> n.get("name")).toList());
      assertEquals(
          List.of("input", "stage", "stage", "stage", "output"),
          list(stages.get("nodes")).stream().map(n -> n.get("kind")).toList());
      assertEquals(
          List.of(
              "lines>words fused",
              "words>pairs fused",
              "counts>print fused",
              "pairs>counts shuffle"),
          list(stages.get("edges")).stream()
              .map(e -> e.get("from") + ">" + e.get("to") + " " + e.get("kind"))
              .toList());
      assertEquals(4L, list(stages.get("nodes")).get(4).get("records"), "printed records");
      String code = (String) list(stages.get("segments")).get(0).get("code");
      assertTrue(code.startsWith("/**\n * Segment 0: {@code lines -> words -> pairs}"), code);
      assertTrue(code.contains("private void lines_words_pairs(List<String> lines"), code);
      assertTrue(code.contains("// pairs: WordCount.pairs(String)"), code);
      assertTrue(code.contains("private static void combineCounts("), "with its helper: " + code);

      String metrics = get(ui, "metrics");
      assertTrue(
          metrics.contains("sluice_records_in_total{input=\"lines\",pipeline=\"WordCount\"} 2.0"),
          metrics);
      assertTrue(
          metrics.contains("sluice_records_out_total{output=\"print\",pipeline=\"WordCount\"} 4.0"),
          metrics);
      assertTrue(
          metrics.contains("sluice_batches_completed_total{pipeline=\"WordCount\"} 3.0"), metrics);
      assertTrue(
          metrics.contains(
              "sluice_batch_scheduling_delay_seconds_sum{pipeline=\"WordCount\"} 0.025"),
          metrics);
      assertTrue(metrics.contains("jvm_memory_used_bytes{"), "the JVM's meters too");

      HttpResponse<String> missing = response(ui, "api/v1/batches/" + (T3 + 2000));
      assertEquals(404, missing.statusCode());
    } finally {
      pipeline.stop(true);
    }
    assertTrue(pipeline.uiAddress().isEmpty(), "the UI stops with the pipeline");
  }

  @Test
  void showsAFailedBatchWithItsErrorUntilThePipelineIsClosed() throws Exception {
    ManualClock clock = BatchClock.manual(0);
    StreamingPipeline pipeline =
        ParseNumbersPipeline.builder()
            .print(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
            .clock(clock)
            .parallelism(1)
            .uiPort(0)
            .build();
    pipeline.start();
    URI ui = pipeline.uiAddress().orElseThrow();
    try {
      clock.setMillis(1000);
      assertTrue(pipeline.awaitBatch(1000, WAIT));
      clock.setMillis(2000);
      assertThrows(PipelineFailedException.class, () -> pipeline.awaitBatch(2000, WAIT));

      String error =
          "Pipeline ParseNumbers failed in stage 'parsed' of batch 2000 on record "
              + "\"x\": java.lang.NumberFormatException: For input string: \"x\"";
      Map<String, Object> info = object(get(ui, "api/v1/pipeline"));
      assertEquals("failed", info.get("status"));
      assertEquals(error, info.get("failure"));
      assertEquals(1L, info.get("batchesCompleted"));
      assertEquals(1L, info.get("batchesFailed"));
      Map<String, Object> failed = list(get(ui, "api/v1/batches")).get(0);
      assertEquals(2000L, failed.get("batchTime"));
      assertEquals("failed", failed.get("status"));
      assertEquals(3L, failed.get("records"));
      assertEquals(0L, failed.get("outputOpsSucceeded"));
      assertEquals(1L, failed.get("outputOpsTotal"));
      assertEquals(error, failed.get("error"));
      Map<String, Object> output =
          list(object(get(ui, "api/v1/batches/2000")).get("outputs")).get(0);
      assertEquals("not run", output.get("status"));
    } finally {
      pipeline.close();
    }
    assertTrue(pipeline.uiAddress().isEmpty(), "closing the pipeline stops its UI");
  }

  private String get(URI ui, String path) throws Exception {
    HttpResponse<String> response = response(ui, path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response.body();
  }

  private HttpResponse<String> response(URI ui, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(ui.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked") // the API's objects
  private static Map<String, Object> object(String json) {
    return (Map<String, Object>) Json.parse(json);
  }

  @SuppressWarnings("unchecked") // the API's arrays of objects
  private static List<Map<String, Object>> list(Object json) {
    return (List<Map<String, Object>>) (json instanceof String text ? Json.parse(text) : json);
  }
}
