package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.PipelineFailedException;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.Sinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A user method that throws fails its batch with the stage, batch and record, and stops. */
@Timeout(60)
class ParseNumbersTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void aThrowingStageStopsThePipelineNamingStageBatchAndRecord() throws Exception {
    ManualClock clock = BatchClock.manual(0);
    List<String> written = new ArrayList<>();
    StreamingPipeline pipeline =
        ParseNumbersPipeline.builder()
            .print(Sinks.foreachBatch((time, records) -> written.add(time + " " + records)))
            .clock(clock)
            .parallelism(2)
            .build();
    pipeline.start();
    clock.advance(Duration.ofSeconds(1));
    assertTrue(pipeline.awaitBatch(1000, WAIT));
    clock.advance(Duration.ofSeconds(1));

    PipelineFailedException failure =
        assertThrows(PipelineFailedException.class, () -> pipeline.awaitBatch(2000, WAIT));
    assertEquals(
        "Pipeline ParseNumbers failed in stage 'parsed' of batch 2000 on record \"x\": "
            + "java.lang.NumberFormatException: For input string: \"x\"",
        failure.getMessage());
    assertThrows(PipelineFailedException.class, pipeline::awaitTermination);
    assertEquals(List.of("1000 [(even,2), (odd,4)]"), written, "the failed batch wrote nothing");
  }
}
