package dev.sluice.bench.workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference for "fast": WordCount as a Java developer would write it for one thread, with the
 * tokenizer of the WordCount example ({@code line.split(" ")}) and one mutable counter per word, so
 * a repeated word costs one hash lookup and no boxing.
 *
 * <p><b>Threads:</b> stateless; each call builds its own map.
 */
public final class HandWrittenWordCount {

  private HandWrittenWordCount() {}

  /** The count of every word of {@code lines}, as one-element arrays. */
  public static Map<String, long[]> count(List<String> lines) {
    return count(lines, 0, lines.size());
  }

  /** The count of every word of {@code lines[from, to)}. */
  public static Map<String, long[]> count(List<String> lines, int from, int to) {
    Map<String, long[]> counts = new HashMap<>();
    for (int i = from; i < to; i++) {
      for (String word : lines.get(i).split(" ")) {
        long[] count = counts.get(word);
        if (count == null) {
          counts.put(word, new long[] {1});
        } else {
          count[0]++;
        }
      }
    }
    return counts;
  }

  /** Adds the counts of {@code from} into {@code into}; returns {@code into}. */
  public static Map<String, long[]> merge(Map<String, long[]> into, Map<String, long[]> from) {
    for (Map.Entry<String, long[]> entry : from.entrySet()) {
      long[] count = into.get(entry.getKey());
      if (count == null) {
        into.put(entry.getKey(), entry.getValue());
      } else {
        count[0] += entry.getValue()[0];
      }
    }
    return into;
  }

  /** The number of words counted in {@code counts}: the sum of its counts. */
  public static long words(Map<String, long[]> counts) {
    long words = 0;
    for (long[] count : counts.values()) {
      words += count[0];
    }
    return words;
  }
}
