package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.KV;
import dev.sluice.test.PipelineTestDriver;
import dev.sluice.test.TestOutput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The click/impression example on its demo input, as Spark joins it, batch by batch. */
@Timeout(60)
class ClickImpressionJoinTest {

  @Test
  void attributesEveryClickToTheImpressionsOfItsBatch() {
    ClickImpressionJoin demo = new ClickImpressionJoin();
    // the demo inputs bound, so the driver reads only the output; one reduce partition, so the
    // order is deterministic
    try (PipelineTestDriver driver =
        PipelineTestDriver.start(
            ClickImpressionJoinPipeline.builder()
                .clicks(demo.clicks())
                .impressions(demo.impressions())
                .parallelism(1))) {
      TestOutput<KV<String, KV<String, String>>> attributed = driver.output("print");
      driver.advanceBatches(4);

      assertEquals(
          List.of(
              List.of(
                  KV.of("ad1", KV.of("alice", "home")),
                  KV.of("ad2", KV.of("bob", "news")),
                  KV.of("ad2", KV.of("bob", "sports"))),
              List.of(),
              List.of(
                  KV.of("ad3", KV.of("erin", "search")), KV.of("ad3", KV.of("frank", "search"))),
              List.of()),
          attributed.batches());
    }
  }
}
