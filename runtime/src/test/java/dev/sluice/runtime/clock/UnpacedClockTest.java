package dev.sluice.runtime.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnpacedClockTest {

  @Test
  void hasReachedEveryTimeAndTellsTheBaseTime() {
    ManualClock base = BatchClock.manual(5_000);
    BatchClock unpaced = BatchClock.unpaced(base);
    assertTrue(unpaced.reached(Long.MAX_VALUE));
    assertEquals(0, unpaced.nanosUntil(Long.MAX_VALUE));
    assertEquals(5_000, unpaced.millis());
    base.advance(Duration.ofSeconds(1));
    assertEquals(6_000, unpaced.millis());
    assertFalse(base.reached(6_001), "a paced clock reaches a time when it gets there");
    assertTrue(base.reached(6_000));
  }
}
