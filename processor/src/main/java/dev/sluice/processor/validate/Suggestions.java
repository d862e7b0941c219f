package dev.sluice.processor.validate;

import java.util.List;

/** "Did you mean" for misspelled stage names: the closest name by edit distance. */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code name}, the first declared on ties, if it is within two edits
   * and fewer edits than the name is long; otherwise {@code null}.
   */
  static String closest(String name, List<String> candidates) {
    String best = null;
    int bestDistance = Math.min(3, name.length());
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
