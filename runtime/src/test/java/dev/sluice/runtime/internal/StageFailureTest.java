package dev.sluice.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StageFailureTest {

  @Test
  void namesStageAndQuotedRecord() {
    IllegalStateException boom = new IllegalStateException("boom");
    StageFailure failure = StageFailure.wrap(boom, "pairs", "hello");
    assertEquals("pairs", failure.stage());
    assertEquals("\"hello\"", failure.record());
    assertSame(boom, failure.getCause());
    assertEquals(
        "stage 'pairs' failed on record \"hello\": java.lang.IllegalStateException: boom",
        failure.getMessage());
  }

  @Test
  void keepsTheInnermostStageWhenRethrownThroughEarlierStages() {
    StageFailure inner = StageFailure.wrap(new RuntimeException(), "pairs", "w");
    assertSame(inner, StageFailure.wrap(inner, "words", "a line"));
  }

  @Test
  void cutsLongRecords() {
    String record = "x".repeat(250);
    assertEquals(
        "\"" + "x".repeat(200) + "\"... (250 chars)",
        StageFailure.wrap(new RuntimeException(), "s", record).record());
  }

  @Test
  void survivesAThrowingToString() {
    Object record =
        new Object() {
          @Override
          public String toString() {
            throw new UnsupportedOperationException();
          }
        };
    assertEquals(
        "<toString() threw java.lang.UnsupportedOperationException>",
        StageFailure.wrap(new RuntimeException(), "s", record).record());
  }
}
