package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The windowed and running word counts on their demo input, printed as Spark prints them. */
@Timeout(60)
class WindowAndStateExamplesTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Runs {@code batches} batches of the builder's own interval on one partition; the printout. */
  private static String run(PipelineBuilder<?> builder, int batches) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    builder.bindOutput("print", Sinks.print(10, new PrintStream(printed, true, UTF_8)));
    ManualClock clock = BatchClock.manual(0);
    Duration interval = builder.batchInterval();
    StreamingPipeline pipeline = builder.clock(clock).parallelism(1).build();
    pipeline.start();
    try {
      for (int batch = 1; batch <= batches; batch++) {
        clock.advance(interval);
        assertTrue(pipeline.awaitBatch(interval.toMillis() * batch, WAIT), "batch " + batch);
      }
    } finally {
      pipeline.stop(false);
    }
    return printed.toString(UTF_8);
  }

  @Test
  void windowedWordCountPrintsEveryTenSecondsTheLastThirty() throws Exception {
    assertEquals(
        """
        -------------------------------------------
        Time: 10000 ms
        -------------------------------------------
        (hello,2)
        (world,1)
        (spark,1)

        -------------------------------------------
        Time: 20000 ms
        -------------------------------------------
        (hello,3)
        (world,3)
        (spark,2)

        -------------------------------------------
        Time: 30000 ms
        -------------------------------------------
        (hello,4)
        (world,4)
        (spark,4)

        """,
        run(WindowedWordCountPipeline.builder(), 6));
  }

  @Test
  void runningWordCountPrintsEveryWordSeenEveryBatch() throws Exception {
    assertEquals(
        """
        -------------------------------------------
        Time: 2000 ms
        -------------------------------------------
        (hello,1)
        (world,1)

        -------------------------------------------
        Time: 4000 ms
        -------------------------------------------
        (hello,2)
        (world,1)
        (spark,1)

        -------------------------------------------
        Time: 6000 ms
        -------------------------------------------
        (hello,2)
        (world,2)
        (spark,2)

        """,
        run(RunningWordCountPipeline.builder(), 3));
  }
}
