package dev.sluice.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random input batches: records {@code key:value} over a small key space that drifts (keys
 * appear, then vanish), some batches empty; and lines of words with split edge cases. The seed is
 * the system property {@code compat.seed}.
 */
final class Inputs {

  private static final String KEYS = "abcdefgh";

  private Inputs() {}

  /** The seed of this run. */
  static long seed() {
    return Long.getLong("compat.seed", 20260101L);
  }

  /**
   * {@code count} batches of {@code key:value} records, values 0..4; about one batch in five is
   * empty, and batch {@code b} draws its keys from four letters starting at {@code b / 3}.
   */
  static List<List<String>> records(long seed, int count) {
    Random random = new Random(seed);
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<String> batch = new ArrayList<>();
      if (random.nextInt(5) != 0) {
        int size = 1 + random.nextInt(6);
        int first = (b / 3) % (KEYS.length() - 3);
        for (int r = 0; r < size; r++) {
          char key = KEYS.charAt(first + random.nextInt(4));
          batch.add(key + ":" + random.nextInt(5));
        }
      }
      batches.add(batch);
    }
    return batches;
  }

  /**
   * {@code count} batches of lines: words of {@code records}' keys joined by one or two spaces,
   * sometimes with leading or trailing spaces, and empty lines.
   */
  static List<List<String>> lines(long seed, int count) {
    Random random = new Random(seed);
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<String> batch = new ArrayList<>();
      int size = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(4);
      for (int l = 0; l < size; l++) {
        StringBuilder line = new StringBuilder();
        int words = random.nextInt(4);
        if (random.nextInt(4) == 0) {
          line.append(' ');
        }
        for (int w = 0; w < words; w++) {
          if (w > 0) {
            line.append(random.nextInt(3) == 0 ? "  " : " ");
          }
          line.append(KEYS.charAt(random.nextInt(5)));
        }
        if (random.nextInt(4) == 0) {
          line.append(' ');
        }
        batch.add(line.toString());
      }
      batches.add(batch);
    }
    return batches;
  }
}
