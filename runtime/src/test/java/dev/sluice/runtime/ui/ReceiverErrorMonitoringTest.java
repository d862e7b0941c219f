package dev.sluice.runtime.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.WordCountBuilder;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.engine.CollectingSink;
import dev.sluice.runtime.metrics.ReceiverError;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.monitor.Json;
import java.io.IOException;
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
 * Errors a receiver reports and gets over: the listeners hear of them with the clock's time, the
 * inputs endpoint shows the last with its time and count, {@code /metrics} counts them, and the
 * history serves the same from the event log.
 */
@Timeout(60)
class ReceiverErrorMonitoringTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ApiClient api = new ApiClient();

  /** Reports two errors, stores one line, then waits for the stop. */
  private static final class FlakySource implements ReceiverSource<String> {
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void receive(Receiver<String> receiver) throws InterruptedException {
      receiver.reportError("connection refused; retrying in 10 ms", null);
      receiver.reportError("connection lost", new IOException("reset by peer"));
      receiver.store("a b");
      stopped.await();
    }

    @Override
    public void stop() {
      stopped.countDown();
    }

    @Override
    public String describe() {
      return "flaky";
    }
  }

  @Test
  void showsTheLastReportedErrorWithItsTimeAndCountLiveThenInTheHistory(@TempDir Path logs)
      throws Exception {
    ManualClock clock = BatchClock.manual(500);
    CountDownLatch bothHeard = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    StreamingPipeline pipeline =
        new WordCountBuilder()
            .lines(new FlakySource())
            .counts(new CollectingSink())
            .clock(clock)
            .parallelism(1)
            .uiPort(0)
            .eventLog(logs)
            .listener(
                new StreamingListener() {
                  @Override
                  public void onReceiverError(ReceiverError error) {
                    if (error.errors() == 2) {
                      bothHeard.countDown();
                    }
                  }

                  @Override
                  public void onPipelineStopped(String name, Throwable failure) {
                    stopped.countDown();
                  }
                })
            .build();
    String inputs;
    String metrics;
    pipeline.start();
    try {
      URI ui = pipeline.uiAddress().orElseThrow();
      assertTrue(bothHeard.await(20, TimeUnit.SECONDS));
      clock.setMillis(1000);
      assertTrue(pipeline.awaitBatch(1000, WAIT));
      pipeline.requestStop(true);
      assertTrue(stopped.await(20, TimeUnit.SECONDS));
      inputs = api.get(ui, "api/v1/inputs");
      metrics = api.get(ui, "metrics");
    } finally {
      pipeline.close();
    }

    @SuppressWarnings("unchecked") // the API's array of objects
    Map<String, Object> lines = ((List<Map<String, Object>>) Json.parse(inputs)).get(0);
    assertEquals("connection lost: java.io.IOException: reset by peer", lines.get("lastError"));
    assertEquals(500L, lines.get("lastErrorTime"), "the clock's time when the driver took it");
    assertEquals(2L, lines.get("errors"));
    assertEquals(1L, lines.get("records"), "the receiver went on");
    assertTrue(
        metrics.contains(
            "sluice_receiver_errors_total{input=\"lines\",pipeline=\"WordCount\"} 2.0"),
        metrics);

    HistoryServer history = HistoryServer.start(logs, "127.0.0.1", 0);
    try {
      assertEquals(
          inputs, api.get(history.address().resolve("runs/WordCount-500/"), "api/v1/inputs"));
    } finally {
      history.stop();
    }
  }
}
