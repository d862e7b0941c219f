package dev.sluice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions on a {@link TestOutput} that read like Spark Streaming's semantics: what a batch
 * wrote, what the window emitted at a batch holds, and that no window is emitted at a batch.
 * Failures name the output and the batch. Plain lists ({@link TestOutput#batch}) work with any
 * assertion library; these only save the message.
 */
public final class BatchAssertions {

  private BatchAssertions() {}

  /**
   * Asserts that {@code output} wrote exactly {@code expected}, in this order, at batch {@code
   * index}.
   */
  public static <T> void assertBatch(List<? extends T> expected, TestOutput<T> output, long index) {
    assertEquals(expected, output.batch(index), where(output, index));
  }

  /**
   * Asserts that {@code output} wrote the records of {@code expected} at batch {@code index}, in
   * any order (as many times each): the order across partitions is not part of Spark's semantics.
   */
  public static <T> void assertBatchInAnyOrder(
      List<? extends T> expected, TestOutput<T> output, long index) {
    assertSameRecords(expected, output.batch(index), where(output, index));
  }

  /**
   * Asserts that a window of {@code output} is emitted at batch {@code index} (one of its slide
   * batches) and holds the records of {@code expected}, in any order.
   */
  public static <T> void assertWindow(
      List<? extends T> expected, TestOutput<T> output, long index) {
    if (!output.writtenAt(index)) {
      fail(
          "no window of output '"
              + output.name()
              + "' is emitted at batch "
              + index
              + ": it is written only at its slide batches");
    }
    assertSameRecords(
        expected,
        output.batch(index),
        "the window emitted at batch " + index + " by output '" + output.name() + "'");
  }

  /** Asserts that {@code output} was not written at batch {@code index}: not a slide batch. */
  public static void assertNotWritten(TestOutput<?> output, long index) {
    if (output.writtenAt(index)) {
      fail(
          "output '"
              + output.name()
              + "' was written at batch "
              + index
              + ": "
              + output.batch(index));
    }
  }

  private static String where(TestOutput<?> output, long index) {
    return "output '" + output.name() + "' at batch " + index;
  }

  private static void assertSameRecords(List<?> expected, List<?> actual, String what) {
    if (!counts(expected).equals(counts(actual))) {
      // show the records sorted by text, so that a diff lines them up
      assertEquals(sortedTexts(expected), sortedTexts(actual), what + ", in any order");
      fail(what + ", in any order: expected " + expected + " but was " + actual);
    }
  }

  private static Map<Object, Integer> counts(List<?> records) {
    Map<Object, Integer> counts = new HashMap<>();
    for (Object record : records) {
      counts.merge(record, 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> sortedTexts(List<?> records) {
    return records.stream().map(Objects::toString).sorted().toList();
  }
}
