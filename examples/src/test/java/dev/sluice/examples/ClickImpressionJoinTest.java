package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The click/impression example on its demo input, printed exactly as Spark prints a join. */
@Timeout(60)
class ClickImpressionJoinTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void printsEveryAttributedClickPerBatch() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ManualClock clock = BatchClock.manual(0);
    // one reduce partition, so the printed order is deterministic
    StreamingPipeline pipeline =
        ClickImpressionJoinPipeline.builder()
            .print(Sinks.print(10, new PrintStream(printed, true, UTF_8)))
            .clock(clock)
            .parallelism(1)
            .build();
    pipeline.start();
    try {
      for (int batch = 1; batch <= 4; batch++) {
        clock.advance(Duration.ofSeconds(2));
        assertTrue(pipeline.awaitBatch(2000L * batch, WAIT), "batch " + batch);
      }
    } finally {
      pipeline.stop(false);
    }
    assertEquals(
        """
        -------------------------------------------
        Time: 2000 ms
        -------------------------------------------
        (ad1,(alice,home))
        (ad2,(bob,news))
        (ad2,(bob,sports))

        -------------------------------------------
        Time: 4000 ms
        -------------------------------------------

        -------------------------------------------
        Time: 6000 ms
        -------------------------------------------
        (ad3,(erin,search))
        (ad3,(frank,search))

        -------------------------------------------
        Time: 8000 ms
        -------------------------------------------

        """,
        printed.toString(UTF_8));
  }
}
