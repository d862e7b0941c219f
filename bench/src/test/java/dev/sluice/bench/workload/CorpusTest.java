package dev.sluice.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus is the one issue 4 describes, and the same on every run. */
class CorpusTest {

  @Test
  void sameSeedGivesSameLines() {
    assertEquals(Corpus.standard().lines(1_000), Corpus.standard().lines(1_000));
  }

  @Test
  void linesHaveTenLowercaseWordsOfThreeToTwelveLettersSeparatedBySingleSpaces() {
    for (String line : Corpus.standard().lines(2_000)) {
      String[] words = line.split(" ", -1);
      assertEquals(Corpus.WORDS_PER_LINE, words.length, line);
      for (String word : words) {
        assertTrue(word.matches("[a-z]{3,12}"), () -> "word '" + word + "' in: " + line);
      }
    }
  }

  @Test
  void batchesHaveFiftyThousandLines() {
    List<List<String>> batches = Corpus.standard().batches(2);
    assertEquals(2, batches.size());
    assertEquals(50_000, batches.get(0).size());
    assertEquals(50_000, batches.get(1).size());
  }

  /** Zipf with exponent 1 over 100,000 ranks: the top word is 1 / H(100000) = 8.3 % of words. */
  @Test
  void wordFrequenciesFollowZipf() {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : Corpus.standard().lines(50_000)) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    int top = counts.values().stream().max(Integer::compare).orElseThrow();
    double share = top / 500_000.0;
    assertTrue(share > 0.080 && share < 0.086, "top word share " + share);
    assertTrue(counts.size() > 40_000 && counts.size() < 100_000, "distinct " + counts.size());
  }
}
