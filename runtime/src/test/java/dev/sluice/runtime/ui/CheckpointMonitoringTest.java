package dev.sluice.runtime.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.engine.RunningCountBuilder;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.monitor.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and state sizes in the JSON API and the metrics, with the JDK's HTTP client against a
 * running count on a manual clock with a checkpoint directory: four batches, a snapshot every two,
 * their exact sizes; then the history server over the same checkpoint directory answers the same.
 */
@Timeout(60)
class CheckpointMonitoringTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<List<String>> LINES =
      List.of(List.of("a b"), List.of("b c"), List.of("c d"), List.of("d e"));
  private static final List<String> ENDPOINTS =
      List.of("api/v1/pipeline", "api/v1/batches", "api/v1/stages", "api/v1/checkpoints");

  private final ApiClient api = new ApiClient();

  @Test
  void servesEachCheckpointAndTheStateSizesLiveThenInTheHistory(@TempDir Path checkpoint)
      throws Exception {
    ManualClock clock = BatchClock.manual(500);
    CountDownLatch stopped = new CountDownLatch(1);
    StreamingPipeline pipeline =
        RunningCountBuilder.checkpointed(LINES, clock, checkpoint)
            .uiPort(0)
            .listener(
                new StreamingListener() {
                  @Override
                  public void onPipelineStopped(String name, Throwable failure) {
                    stopped.countDown(); // after the UI's state and the event log heard of it
                  }
                })
            .build();
    String[] seen = new String[ENDPOINTS.size()];
    String metrics;
    pipeline.start();
    try {
      URI ui = pipeline.uiAddress().orElseThrow();
      for (long time = 1000; time <= 4000; time += 1000) {
        clock.setMillis(time);
        assertTrue(pipeline.awaitBatch(time, WAIT));
      }
      // a graceful stop reports every snapshot written before it ends
      pipeline.requestStop(true);
      assertTrue(stopped.await(20, TimeUnit.SECONDS));
      for (int e = 0; e < ENDPOINTS.size(); e++) {
        seen[e] = api.get(ui, ENDPOINTS.get(e));
      }
      metrics = api.get(ui, "metrics");
    } finally {
      pipeline.close();
    }

    List<Map<String, Object>> checkpoints = list(seen[3]);
    assertEquals(List.of(4000L, 2000L), field(checkpoints, "batchTime"));
    assertEquals(List.of(3L, 1L), field(checkpoints, "batchIndex"));
    assertEquals(List.of(223L, 193L), field(checkpoints, "bytes"));
    assertEquals(
        List.of(
            List.of(Map.of("name", "running", "entries", 5L, "bytes", 133L)),
            List.of(Map.of("name", "running", "entries", 3L, "bytes", 103L))),
        field(checkpoints, "stages"));
    for (Map<String, Object> item : checkpoints) {
      assertTrue(((Number) item.get("copyMs")).doubleValue() >= 0, item.toString());
      assertTrue(((Number) item.get("writeMs")).doubleValue() > 0, item.toString());
    }

    Map<String, Object> stages = object(seen[2]);
    assertEquals(4000L, stages.get("stateAsOf"));
    assertEquals(
        List.of(Map.of("name", "running", "entries", 5L, "bytes", 133L)), stages.get("state"));
    Map<String, Object> running =
        list(stages.get("nodes")).stream()
            .filter(n -> n.get("name").equals("running"))
            .findFirst()
            .orElseThrow();
    assertEquals(5L, running.get("stateEntries"));
    assertEquals(133L, running.get("stateBytes"));
    for (Map<String, Object> node : list(stages.get("nodes"))) {
      if (node != running) {
        assertTrue(!node.containsKey("stateEntries"), "stateless: " + node);
      }
    }
    assertEquals(2L, object(seen[0]).get("checkpointsCompleted"));

    assertEquals(
        List.of(
            "sluice_checkpoint_bytes{pipeline=\"Running\"} 223.0",
            "sluice_checkpoint_copy_seconds_count{pipeline=\"Running\"} 2",
            "sluice_checkpoint_write_seconds_count{pipeline=\"Running\"} 2",
            "sluice_checkpoints_total{pipeline=\"Running\"} 2.0",
            "sluice_state_bytes{pipeline=\"Running\",stage=\"running\"} 133.0",
            "sluice_state_entries{pipeline=\"Running\",stage=\"running\"} 5.0"),
        metrics
            .lines()
            .filter(
                l ->
                    l.startsWith("sluice_state_")
                        || l.matches("sluice_checkpoint(s_total|_bytes|_\\w+_seconds_count).*"))
            .sorted()
            .toList());

    HistoryServer history = HistoryServer.start(checkpoint, "127.0.0.1", 0);
    try {
      URI run = history.address().resolve("runs/Running-500/");
      for (int e = 0; e < ENDPOINTS.size(); e++) {
        assertEquals(seen[e], api.get(run, ENDPOINTS.get(e)), ENDPOINTS.get(e));
      }
    } finally {
      history.stop();
    }
  }

  private static List<Object> field(List<Map<String, Object>> items, String name) {
    return items.stream().map(item -> item.get(name)).toList();
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
