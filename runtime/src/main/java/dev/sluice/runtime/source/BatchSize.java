package dev.sluice.runtime.source;

import java.math.BigInteger;

/**
 * How much of a bounded input forms one batch: a number of records (lines, for text files) or a
 * number of whole files. On the command line, {@code --batch-size 1000} or {@code --batch-size
 * 2files}.
 *
 * @param count how many records or files, at least 1
 * @param files whether {@code count} counts files rather than records
 */
public record BatchSize(int count, boolean files) {

  /** Checks the count. */
  public BatchSize {
    if (count < 1) {
      throw new IllegalArgumentException("a batch size must be at least 1, was " + count);
    }
  }

  /** {@code count} records a batch. */
  public static BatchSize records(int count) {
    return new BatchSize(count, false);
  }

  /** {@code count} whole files a batch; a file's records all go to one batch. */
  public static BatchSize files(int count) {
    return new BatchSize(count, true);
  }

  /**
   * Reads {@code N} (records) or {@code Nfiles} ({@code 1file}) files.
   *
   * @throws IllegalArgumentException saying what would be right
   */
  public static BatchSize parse(String text) {
    boolean files = text.endsWith("files") || text.endsWith("file");
    String digits = text.substring(0, text.length() - (text.endsWith("files") ? 5 : files ? 4 : 0));
    if (!digits.matches("[0-9]+")
        || digits.matches("0+")
        || new BigInteger(digits).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "batch size '"
              + text
              + "' must be a number of records "
              + "or of files, such as 1000 or 2files, from 1 to "
              + Integer.MAX_VALUE);
    }
    int count = Integer.parseInt(digits);
    return files ? files(count) : records(count);
  }

  @Override
  public String toString() {
    return count
        + (files ? (count == 1 ? " file" : " files") : (count == 1 ? " record" : " records"));
  }
}
