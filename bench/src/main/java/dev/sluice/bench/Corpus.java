package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic benchmark corpus: a vocabulary of distinct lowercase pseudo-words of 3 to 12
 * letters, drawn with a Zipf distribution (exponent 1.0), a fixed number of words per line
 * separated by single spaces. The same seed gives the same lines on every machine.
 */
final class Corpus {

  private final String[] vocabulary;
  private final double[] cumulative;
  private final SplittableRandom random;
  private final int wordsPerLine;

  Corpus(long seed, int distinctWords, int wordsPerLine) {
    this.random = new SplittableRandom(seed);
    this.wordsPerLine = wordsPerLine;
    this.vocabulary = vocabulary(random, distinctWords);
    this.cumulative = zipf(distinctWords);
  }

  /** The next {@code count} lines. */
  List<String> lines(int count) {
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
    java.util.Set<String> words = new java.util.LinkedHashSet<>();
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
