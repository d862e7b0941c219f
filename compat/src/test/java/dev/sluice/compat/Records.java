package dev.sluice.compat;

import java.util.ArrayList;
import java.util.List;

/** Parsing of the {@code key:value} input records, shared by the Spark and Sluice sides. */
final class Records {

  private Records() {}

  /** The key of {@code record}. */
  static String key(String record) {
    return record.substring(0, record.indexOf(':'));
  }

  /** The value of {@code record}. */
  static long value(String record) {
    return Long.parseLong(record.substring(record.indexOf(':') + 1));
  }

  /**
   * {@code values} as a new sorted list: grouped values come in an order neither engine defines, so
   * both sides print them sorted.
   */
  static <T extends Comparable<? super T>> List<T> sorted(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list;
  }
}
