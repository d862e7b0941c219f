package dev.sluice.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.processor.model.BatchInterval;
import dev.sluice.runtime.cli.DurationSyntax;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The processor cannot depend on the runtime, so {@code @Pipeline(batchInterval)} and window
 * durations are parsed by {@link BatchInterval}, and {@code --batch-interval} by the runtime's
 * {@link DurationSyntax}: this test keeps the two grammars one. A text is a valid positive interval
 * for the processor exactly when the runtime parses it to a positive duration, the same.
 */
class DurationGrammarTest {

  private static final List<String> TEXTS =
      List.of(
          "2s",
          "500ms",
          "1m",
          "1h",
          "30s",
          "02s",
          "0s",
          "0ms",
          "",
          "s",
          "2",
          "2 s",
          " 2s",
          "2s ",
          "-1s",
          "+1s",
          "1.5s",
          "2S",
          "2MS",
          "1d",
          "2sec",
          "1m30s",
          "\u0662s",
          "9223372036854775807ms",
          "9223372036854775808ms",
          "2562047788015216h",
          "2562047788015215h",
          "99999999999999999999s");

  @Test
  void theProcessorAndTheRuntimeAcceptTheSameDurations() {
    for (String text : TEXTS) {
      assertEquals(runtime(text), BatchInterval.parseMillis(text), () -> "'" + text + "'");
    }
  }

  /** What the runtime makes of {@code text} as a positive interval. */
  private static OptionalLong runtime(String text) {
    try {
      long millis = DurationSyntax.parse(text).toMillis();
      return millis > 0 ? OptionalLong.of(millis) : OptionalLong.empty();
    } catch (IllegalArgumentException | ArithmeticException invalid) {
      return OptionalLong.empty();
    }
  }
}
