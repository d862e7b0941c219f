package dev.sluice.test;

import static dev.sluice.test.BatchAssertions.assertBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.KV;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SluiceExtension.class)
@Timeout(60)
class SluiceExtensionTest {

  private static PipelineTestDriver resolved;

  @Test
  void resolvesAStartedDriver(
      @TestPipeline(value = WordStatsPipeline.class, startMillis = 10_000)
          PipelineTestDriver driver) {
    resolved = driver;
    driver.input("lines").add("a b a");
    driver.advanceBatch();
    assertEquals(11_000, driver.batchTime(0));
    assertBatch(List.of(KV.of("a", 2L), KV.of("b", 1L)), driver.output("perBatch"), 0);
  }

  @AfterAll
  static void theDriverIsClosedAfterTheTest() {
    IllegalStateException closed =
        assertThrows(IllegalStateException.class, () -> resolved.advanceBatch());
    assertEquals("the driver of WordStats is closed", closed.getMessage());
  }
}
