package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationSyntaxTest {

  @Test
  void parsesDigitsThenUnit() {
    assertEquals(Duration.ofMillis(500), DurationSyntax.parse("500ms"));
    assertEquals(Duration.ofSeconds(2), DurationSyntax.parse("2s"));
    assertEquals(Duration.ofMinutes(1), DurationSyntax.parse("1m"));
    assertEquals(Duration.ofHours(1), DurationSyntax.parse("1h"));
    assertEquals(Duration.ofSeconds(90), DurationSyntax.parse("090s"));
    assertEquals(Duration.ZERO, DurationSyntax.parse("0s"));
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad :
        List.of(
            "", "2", "s", "2 s", " 2s", "2s ", "2S", "-1s", "+1s", "1.5s", "2sec", "2min", "1d",
            "1m30s", "１s")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DurationSyntax.parse(bad), bad);
      assertEquals(
          "'" + bad + "' is not a duration; use digits then ms, s, m or h, such as 500ms or 2s",
          e.getMessage());
    }
  }

  @Test
  void rejectsDurationsTooLongForMilliseconds() {
    for (String huge : List.of("99999999999999999999ms", "9223372036854776h")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DurationSyntax.parse(huge));
      assertEquals("'" + huge + "' is too long a duration", e.getMessage());
    }
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertEquals("2s", DurationSyntax.format(Duration.ofSeconds(2)));
    assertEquals("1500ms", DurationSyntax.format(Duration.ofMillis(1500)));
    assertEquals("90s", DurationSyntax.format(Duration.ofSeconds(90)));
    assertEquals("1m", DurationSyntax.format(Duration.ofSeconds(60)));
    assertEquals("61m", DurationSyntax.format(Duration.ofMinutes(61)));
    assertEquals("2h", DurationSyntax.format(Duration.ofHours(2)));
    assertEquals("0s", DurationSyntax.format(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> DurationSyntax.format(Duration.ofNanos(1)));
  }
}
