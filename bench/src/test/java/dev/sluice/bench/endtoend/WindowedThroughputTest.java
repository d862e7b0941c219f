package dev.sluice.bench.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The windowed section's logic on a tiny input: 35 short batches, some empty, so the last slide of
 * the 30-batch window has dropped five batches; both contenders must count its words exactly.
 */
class WindowedThroughputTest {

  /**
   * Batch b: every seventh empty; otherwise b % 4 + 1 copies of one of three words, plus an empty
   * line (one word, "") when b % 5 == 0 and " x y" (four words: "", x, "", y) when b % 5 == 1.
   * Words per batch: 2 6 3 4 1 3 0 4 1 2 4 8 1 0 3 5 5 2 3 4 0 6 3 4 1 3 7 0 1 2 4 8 1 2 0.
   */
  private static final List<List<String>> BATCHES =
      IntStream.range(0, 35).mapToObj(WindowedThroughputTest::batch).toList();

  /** Batches 5 to 34; a window of 29 would give 84, of 31 would give 88. */
  private static final long LAST_WINDOW_WORDS = 87;

  private final WindowedThroughput throughput = new WindowedThroughput(BATCHES, 33);

  @Test
  @Timeout(10)
  void handWrittenWindowCountsTheWordsOfTheLastThirtyBatches() {
    assertEquals(LAST_WINDOW_WORDS, throughput.handWritten().lastWindowWords());
  }

  @Test
  @Timeout(20)
  void sluiceAtParallelismOneAndTwoCountsTheWordsOfTheLastThirtyBatches() throws Exception {
    assertEquals(LAST_WINDOW_WORDS, throughput.sluice(1).lastWindowWords());
    assertEquals(LAST_WINDOW_WORDS, throughput.sluice(2).lastWindowWords());
  }

  @Test
  @Timeout(20)
  void oneRoundGivesEveryContenderARateAndNotesIt() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    WindowedThroughput.Rates rates =
        throughput.run(1, new Results(new PrintStream(printed, true, StandardCharsets.UTF_8)));
    assertTrue(rates.handWritten() > 0, "hand-written " + rates.handWritten());
    assertTrue(rates.sluice1() > 0, "sluice p1 " + rates.sluice1());
    assertTrue(rates.sluice2() > 0, "sluice p2 " + rates.sluice2());
    String note = printed.toString(StandardCharsets.UTF_8);
    assertTrue(note.startsWith("    round 1: hand-written "), note);
  }

  @Test
  void checkRefusesALastWindowThatMissesWords() {
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class, () -> throughput.check("the hand-written window", 84));
    assertEquals(
        "the hand-written window counted 84 words in its last window, expected 87 "
            + "(the words of the last 30 batches)",
        thrown.getMessage());
  }

  @Test
  void agreeRefusesSluiceDisagreeingWithTheHandWrittenWindow() {
    WindowedThroughput.agree("sluice p1", 87, 87);
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class, () -> WindowedThroughput.agree("sluice p2", 88, 87));
    assertEquals(
        "sluice p2 counted 88 words in its last window, the hand-written window 87",
        thrown.getMessage());
  }

  @Test
  void aRunNeedsAMeasuredBatch() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> new WindowedThroughput(BATCHES, 35));
    assertEquals("35 warm-up batches leave none of 35 to measure", thrown.getMessage());
  }

  @Test
  void tenthsCutEachBatchIntoTenRunsOfLinesInOrder() {
    List<List<String>> batches = List.of(numbered(0, 20), numbered(20, 40));
    assertEquals(
        List.of(
            numbered(0, 2),
            numbered(2, 4),
            numbered(4, 6),
            numbered(6, 8),
            numbered(8, 10),
            numbered(10, 12),
            numbered(12, 14),
            numbered(14, 16),
            numbered(16, 18),
            numbered(18, 20),
            numbered(20, 22),
            numbered(22, 24)),
        WindowedThroughput.tenths(batches, 12));
  }

  @Test
  void tenthsRefuseTooFewBatchesAndUnevenOnes() {
    IllegalArgumentException tooFew =
        assertThrows(
            IllegalArgumentException.class,
            () -> WindowedThroughput.tenths(List.of(numbered(0, 20)), 11));
    assertEquals("need 11 tenths of batches, got 10", tooFew.getMessage());
    IllegalArgumentException uneven =
        assertThrows(
            IllegalArgumentException.class,
            () -> WindowedThroughput.tenths(List.of(numbered(0, 15)), 1));
    assertEquals("a batch of 15 lines is not ten equal parts", uneven.getMessage());
  }

  private static List<String> batch(int b) {
    if (b % 7 == 6) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.join(" ", Collections.nCopies(b % 4 + 1, "w" + b % 3)));
    if (b % 5 == 0) {
      lines.add("");
    } else if (b % 5 == 1) {
      lines.add(" x  y");
    }
    return List.copyOf(lines);
  }

  private static List<String> numbered(int from, int to) {
    return IntStream.range(from, to).mapToObj(Integer::toString).toList();
  }
}
