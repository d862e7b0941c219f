package dev.sluice.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The deterministic benchmark corpus of issue 4: a vocabulary of distinct lowercase pseudo-words of
 * 3 to 12 letters, drawn with a Zipf distribution (exponent 1.0), a fixed number of words per line
 * separated by single spaces. The same seed gives the same lines on every machine and in every
 * engine (Sluice, the hand-written loops, Spark).
 *
 * <p><b>Threads:</b> not thread-safe; one corpus per generating thread.
 */
public final class Corpus {

  /** The seed of every published figure. */
  public static final long SEED = 42;

  /** Distinct words in the vocabulary. */
  public static final int DISTINCT_WORDS = 100_000;

  /** Words in every line, so a line count times this is a word count. */
  public static final int WORDS_PER_LINE = 10;

  /** Lines in one batch. */
  public static final int LINES_PER_BATCH = 50_000;

  /** Words in one batch. */
  public static final int WORDS_PER_BATCH = LINES_PER_BATCH * WORDS_PER_LINE;

  private final String[] vocabulary;
  private final double[] cumulative;
  private final SplittableRandom random;
  private final int wordsPerLine;

  /** The corpus of the issue: {@link #SEED}, {@link #DISTINCT_WORDS}, {@link #WORDS_PER_LINE}. */
  public static Corpus standard() {
    return new Corpus(SEED, DISTINCT_WORDS, WORDS_PER_LINE);
  }

  /** A corpus of {@code distinctWords} words, {@code wordsPerLine} a line, from {@code seed}. */
  public Corpus(long seed, int distinctWords, int wordsPerLine) {
    this.random = new SplittableRandom(seed);
    this.wordsPerLine = wordsPerLine;
    this.vocabulary = vocabulary(random, distinctWords);
    this.cumulative = zipf(distinctWords);
  }

  /** The next {@code count} lines. */
  public List<String> lines(int count) {
    List<String> lines = new ArrayList<>(count);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < count; i++) {
      line.setLength(0);
      for (int w = 0; w < wordsPerLine; w++) {
        if (w > 0) {
          line.append(' ');
        }
        line.append(vocabulary[rank(random.nextDouble())]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The next {@code count} batches of {@link #LINES_PER_BATCH} lines. */
  public List<List<String>> batches(int count) {
    List<List<String>> batches = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      batches.add(List.copyOf(lines(LINES_PER_BATCH)));
    }
    return batches;
  }

  /** The index of the first cumulative probability at or above {@code u}: the word's rank. */
  private int rank(double u) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static String[] vocabulary(SplittableRandom random, int size) {
    Set<String> words = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    while (words.size() < size) {
      word.setLength(0);
      int length = 3 + random.nextInt(10);
      for (int i = 0; i < length; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      words.add(word.toString());
    }
    return words.toArray(new String[0]);
  }

  /** Cumulative Zipf probabilities with exponent 1.0: rank r has weight 1/r. */
  private static double[] zipf(int size) {
    double[] cumulative = new double[size];
    double sum = 0;
    for (int rank = 1; rank <= size; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < size; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }
}
