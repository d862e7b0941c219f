package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.BatchInfo.SegmentTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchInfoTest {

  @Test
  void keepsCopiesOfItsLists() {
    List<SegmentTime> segments = new ArrayList<>(List.of(new SegmentTime("s", Duration.ZERO)));
    List<InputRecords> inputs =
        new ArrayList<>(List.of(new InputRecords("lines", 3, Duration.ofMillis(2))));
    BatchInfo info =
        new BatchInfo("P", 1000, 3, Duration.ZERO, Duration.ZERO, Duration.ZERO, segments, inputs);
    segments.clear();
    inputs.clear();
    assertEquals(1, info.segments().size());
    assertEquals(List.of(new InputRecords("lines", 3, Duration.ofMillis(2))), info.inputs());
    assertThrows(UnsupportedOperationException.class, () -> info.inputs().clear());
  }

  @Test
  void theShortConstructorHasNoInputDetails() {
    BatchInfo info =
        new BatchInfo("P", 1000, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of());
    assertEquals(List.of(), info.inputs());
  }
}
