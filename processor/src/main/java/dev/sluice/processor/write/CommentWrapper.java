package dev.sluice.processor.write;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps the javadoc and {@code //} comment lines of a generated source that are longer than the
 * column limit, at spaces, continuing each with the same indentation and comment marker. JavaPoet
 * wraps code at {@code $W} but leaves comment text as written; comments name user methods and
 * stages, whose length only the user's source decides.
 */
final class CommentWrapper {

  /** The longest line generated code should have, as in Sluice's own sources. */
  static final int COLUMN_LIMIT = 100;

  private static final Pattern COMMENT = Pattern.compile("^(\\s*)(\\* |// )(.*)$");

  private CommentWrapper() {}

  /** {@code source} with every comment line longer than the limit wrapped. */
  static String wrap(String source) {
    StringBuilder wrapped = new StringBuilder(source.length() + 256);
    for (String line : source.split("\n", -1)) {
      Matcher comment = COMMENT.matcher(line);
      if (line.length() <= COLUMN_LIMIT || !comment.matches()) {
        wrapped.append(line).append('\n');
        continue;
      }
      String prefix = comment.group(1) + comment.group(2);
      for (String part : split(comment.group(3), COLUMN_LIMIT - prefix.length())) {
        wrapped.append(prefix).append(part).append('\n');
      }
    }
    return wrapped.substring(0, wrapped.length() - 1);
  }

  /**
   * {@code text} in lines of at most {@code width}, broken at spaces; a longer word stays whole.
   */
  private static List<String> split(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
