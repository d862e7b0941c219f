package dev.sluice.bench.fair;

import java.util.HashMap;
import java.util.List;

/**
 * WordCount as tightly as a good engineer writes it for one thread: a map pre-sized for the
 * corpus's vocabulary and reused batch after batch ({@code clear()} keeps its table), one mutable
 * counter per word, and either the WordCount example's {@code split(" ")} or an {@code indexOf}
 * scan, the same tokenizer as the Sluice pipeline it is compared with.
 *
 * <p><b>Threads:</b> one thread at a time; the map is reused, so a count is valid until the next.
 */
public final class TightWordCount {

  /** Room for the corpus's 100,000 distinct words without a resize at the default load factor. */
  static final int CAPACITY = 1 << 18;

  private final boolean indexOf;
  private final HashMap<String, long[]> counts = new HashMap<>(CAPACITY);

  /** A counter tokenizing with {@code indexOf} if {@code indexOf}, else with {@code split(" ")}. */
  public TightWordCount(boolean indexOf) {
    this.indexOf = indexOf;
  }

  /** Counts the words of {@code lines[from, to)}; returns the reused map. */
  public HashMap<String, long[]> count(List<String> lines, int from, int to) {
    HashMap<String, long[]> map = counts;
    map.clear();
    if (indexOf) {
      for (int i = from; i < to; i++) {
        String line = lines.get(i);
        int start = 0;
        for (int space = line.indexOf(' '); space >= 0; space = line.indexOf(' ', start)) {
          add(map, line.substring(start, space));
          start = space + 1;
        }
        add(map, line.substring(start));
      }
    } else {
      for (int i = from; i < to; i++) {
        for (String word : lines.get(i).split(" ")) {
          add(map, word);
        }
      }
    }
    return map;
  }

  /** The number of words counted in {@code counts}. */
  static long words(HashMap<String, long[]> counts) {
    long words = 0;
    for (long[] count : counts.values()) {
      words += count[0];
    }
    return words;
  }

  private static void add(HashMap<String, long[]> map, String word) {
    long[] count = map.get(word);
    if (count == null) {
      map.put(word, new long[] {1});
    } else {
      count[0]++;
    }
  }
}
