package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.monitor.Json;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.ui.HistoryServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log round trip: a finished run of the generated WordCount, served by the history
 * server, answers every API endpoint exactly as the live UI did at the end of the run.
 */
@Timeout(60)
class EventLogRoundTripTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long START = 1_764_032_398_000L;
  private static final long FIRST = 1_764_032_400_000L;
  private static final List<String> ENDPOINTS =
      List.of(
          "api/v1/pipeline",
          "api/v1/batches",
          "api/v1/batches/" + (FIRST + 2000),
          "api/v1/inputs",
          "api/v1/stages");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void historyShowsTheSameBatchesAsTheLiveUi(@TempDir Path logs) throws Exception {
    ManualClock clock = BatchClock.manual(START);
    CountDownLatch stopped = new CountDownLatch(1);
    StreamingPipeline pipeline =
        WordCountPipeline.builder()
            .lines(
                Sources.batches(
                    List.of(
                        List.of("hello world"),
                        List.of("hello spark"),
                        List.of("world spark spark"),
                        List.<String>of())))
            .print(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
            .clock(clock)
            .parallelism(2)
            .uiPort(0)
            .eventLog(logs)
            .listener(
                new StreamingListener() {
                  @Override
                  public void onPipelineStopped(String name, Throwable failure) {
                    stopped.countDown(); // after the UI's state and the event log heard of it
                  }
                })
            .build();
    pipeline.start();
    URI live = pipeline.uiAddress().orElseThrow();
    String[] seen = new String[ENDPOINTS.size()];
    try {
      for (int i = 0; i < 4; i++) {
        clock.setMillis(FIRST + 2000L * i + 3 * i);
        assertTrue(pipeline.awaitBatch(FIRST + 2000L * i, WAIT));
      }
      pipeline.requestStop(true);
      assertTrue(stopped.await(20, TimeUnit.SECONDS));
      for (int e = 0; e < ENDPOINTS.size(); e++) {
        seen[e] = get(live, ENDPOINTS.get(e));
      }
    } finally {
      pipeline.close();
    }
    assertTrue(seen[0].contains("\"status\":\"stopped\""), seen[0]);

    Path log;
    try (Stream<Path> files = Files.list(logs)) {
      log = files.findFirst().orElseThrow();
    }
    assertEquals("WordCount-" + START + ".jsonl", log.getFileName().toString());
    HistoryServer history = HistoryServer.start(logs, "127.0.0.1", 0);
    try {
      URI run = history.address().resolve("runs/WordCount-" + START + "/");
      for (int e = 0; e < ENDPOINTS.size(); e++) {
        assertEquals(seen[e], get(run, ENDPOINTS.get(e)), ENDPOINTS.get(e));
      }
      @SuppressWarnings("unchecked") // the API's array of objects
      List<Map<String, Object>> runs =
          (List<Map<String, Object>>) Json.parse(get(history.address(), "api/v1/runs"));
      assertEquals(1, runs.size());
      assertEquals("WordCount", runs.get(0).get("pipeline"));
      assertEquals("stopped", runs.get(0).get("status"));
      assertEquals(4L, runs.get(0).get("batchesCompleted"));
      assertEquals(3L, runs.get(0).get("recordsProcessed"));
      assertTrue(get(history.address(), "").contains("runs/WordCount-" + START + "/"));
      assertTrue(get(run, "").contains("static/sluice.js"), "the same page as the live UI");
    } finally {
      history.stop();
    }
  }

  @Test
  void aCheckpointDirectoryKeepsTheEventLogAndHistoryServesIt(@TempDir Path checkpoint)
      throws Exception {
    ManualClock clock = BatchClock.manual(START);
    StreamingPipeline pipeline =
        WordCountPipeline.builder()
            .lines(Sources.batches(List.of(List.of("hello world"))))
            .print(Sinks.print(10, new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
            .clock(clock)
            .ui(false)
            .checkpoint(checkpoint)
            .build();
    pipeline.start();
    clock.setMillis(FIRST);
    assertTrue(pipeline.awaitBatch(FIRST, WAIT));
    pipeline.stop(true);
    assertTrue(Files.exists(checkpoint.resolve("events").resolve("WordCount-" + START + ".jsonl")));

    HistoryServer history = HistoryServer.start(checkpoint, "127.0.0.1", 0);
    try {
      @SuppressWarnings("unchecked") // the API's array of objects
      List<Map<String, Object>> runs =
          (List<Map<String, Object>>) Json.parse(get(history.address(), "api/v1/runs"));
      assertEquals("WordCount-" + START, runs.get(0).get("id"));
      assertEquals(1L, runs.get(0).get("recordsProcessed"));
    } finally {
      history.stop();
    }
  }

  private String get(URI base, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response.body();
  }
}
