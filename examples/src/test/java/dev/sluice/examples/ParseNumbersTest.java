package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.KV;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.test.PipelineTestDriver;
import dev.sluice.test.TestInput;
import dev.sluice.test.TestOutput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A user method that throws fails its batch with the stage, batch and record, and stops. */
@Timeout(60)
class ParseNumbersTest {

  @Test
  void aThrowingStageFailsTheBatchNamingStageBatchAndRecord() {
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(ParseNumbersPipeline.builder().parallelism(2))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Integer>> sums = driver.output("print");
      lines.addAll(List.of("1", "2", "3"));
      driver.advanceBatch();
      lines.addAll(List.of("4", "x", "5"));

      PipelineFailedException failure =
          assertThrows(PipelineFailedException.class, driver::advanceBatch);
      assertEquals(
          "Pipeline ParseNumbers failed in stage 'parsed' of batch 2000 on record \"x\": "
              + "java.lang.NumberFormatException: For input string: \"x\"",
          failure.getMessage());
      assertEquals(
          List.of(List.of(KV.of("even", 2), KV.of("odd", 4))),
          sums.batches(),
          "the failed batch wrote nothing");
    }
  }
}
