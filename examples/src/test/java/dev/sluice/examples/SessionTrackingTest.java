package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.test.PipelineTestDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SessionTracking on its demo input, ten 2 s batches on one partition: updates per event, bob's
 * session ending at the full scan of 10 s, alice's and carol's at 20 s, and the open sessions. On
 * one partition the calls follow the records' order, as Spark's do.
 */
@Timeout(60)
class SessionTrackingTest {

  private static final ByteArrayOutputStream UPDATES = new ByteArrayOutputStream();
  private static final ByteArrayOutputStream ACTIVE = new ByteArrayOutputStream();

  @BeforeAll
  static void run() {
    // the demo input and two print sinks bound: the driver only moves the clock
    PipelineBuilder<?> builder =
        SessionTrackingPipeline.builder()
            .events(new SessionTracking().events())
            .print(Sinks.print(10, new PrintStream(UPDATES, true, UTF_8)))
            .openSessions(Sinks.print(10, new PrintStream(ACTIVE, true, UTF_8)))
            .parallelism(1);
    try (PipelineTestDriver driver = PipelineTestDriver.start(builder)) {
      driver.advanceBatches(10);
    }
  }

  private static String header(long time) {
    return "-------------------------------------------\nTime: "
        + time
        + " ms\n-------------------------------------------\n";
  }

  @Test
  void printsEveryUpdateAndEachSessionEndingAtAFullScan() {
    StringBuilder expected = new StringBuilder();
    String[] batches = {
      "alice active 1-1 s, 1 events\nbob active 1-1 s, 1 events\n",
      "alice active 1-3 s, 2 events\n",
      "carol active 5-5 s, 1 events\nalice active 1-6 s, 3 events\n",
      "",
      "carol active 5-9 s, 2 events\nbob ended 1-1 s, 1 events\n",
      "alice active 1-11 s, 4 events\n",
      "",
      "",
      "",
      "alice ended 1-11 s, 4 events\ncarol ended 5-9 s, 2 events\n"
    };
    for (int b = 0; b < batches.length; b++) {
      expected.append(header(2000L * (b + 1))).append(batches[b]).append('\n');
    }
    assertEquals(expected.toString(), UPDATES.toString(UTF_8));
  }

  @Test
  void printsTheOpenSessionsEveryBatch() {
    String alice3 = "(alice,Session[start=1, lastSeen=6, events=3])\n";
    String alice4 = "(alice,Session[start=1, lastSeen=11, events=4])\n";
    String bob = "(bob,Session[start=1, lastSeen=1, events=1])\n";
    String carol1 = "(carol,Session[start=5, lastSeen=5, events=1])\n";
    String carol2 = "(carol,Session[start=5, lastSeen=9, events=2])\n";
    String[] batches = {
      "(alice,Session[start=1, lastSeen=1, events=1])\n" + bob,
      "(alice,Session[start=1, lastSeen=3, events=2])\n" + bob,
      alice3 + bob + carol1,
      alice3 + bob + carol1,
      alice3 + carol2,
      alice4 + carol2,
      alice4 + carol2,
      alice4 + carol2,
      alice4 + carol2,
      ""
    };
    StringBuilder expected = new StringBuilder();
    for (int b = 0; b < batches.length; b++) {
      expected.append(header(2000L * (b + 1))).append(batches[b]).append('\n');
    }
    assertEquals(expected.toString(), ACTIVE.toString(UTF_8));
  }
}
