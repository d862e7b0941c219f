package dev.sluice.compat;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.CountByValueAndWindow;
import dev.sluice.api.annotation.CountByWindow;
import dev.sluice.api.annotation.GroupByKeyAndWindow;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.ReduceByKeyAndWindow;
import dev.sluice.api.annotation.ReduceByWindow;
import dev.sluice.api.annotation.Window;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;

/**
 * Every window operator twice, with window 4 / slide 2 ({@code ...42}) and window 3 / slide 1
 * ({@code ...31}) batches, over {@code key:value} records; mirrored on Spark in {@link
 * WindowCompatTest}.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class WindowCompat {

  @Input
  abstract Source<String> records();

  @Map(from = "records")
  static KV<String, Long> pairs(String record) {
    return KV.of(Records.key(record), Records.value(record));
  }

  @Map(from = "records")
  static KV<String, Long> ones(String record) {
    return KV.of(Records.key(record), 1L);
  }

  @Map(from = "records")
  static String keys(String record) {
    return Records.key(record);
  }

  @Map(from = "records")
  static long values(String record) {
    return Records.value(record);
  }

  static long minus(long a, long b) {
    return a - b;
  }

  static boolean positive(String key, long count) {
    return count > 0;
  }

  // Window 4, slide 2.

  @Window(from = "records", window = "4s", slide = "2s")
  static String window42(String record) {
    return record;
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "4s", slide = "2s")
  static long sum42(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "4s", slide = "2s", inverse = "minus")
  static long inverse42(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(
      from = "ones",
      window = "4s",
      slide = "2s",
      inverse = "minus",
      filter = "positive")
  static long filteredCounts42(long a, long b) {
    return a + b;
  }

  @CountByWindow(from = "records", window = "4s", slide = "2s")
  static long count42(long count) {
    return count;
  }

  @ReduceByWindow(from = "values", window = "4s", slide = "2s")
  static long max42(long a, long b) {
    return Math.max(a, b);
  }

  @ReduceByWindow(from = "values", window = "4s", slide = "2s", inverse = "minus")
  static long total42(long a, long b) {
    return a + b;
  }

  @CountByValueAndWindow(from = "keys", window = "4s", slide = "2s")
  static KV<String, Long> frequencies42(String key, long count) {
    return KV.of(key, count);
  }

  @GroupByKeyAndWindow(from = "pairs", window = "4s", slide = "2s")
  static KV<String, List<Long>> groups42(String key, List<Long> values) {
    return KV.of(key, Records.sorted(values));
  }

  // Window 3, slide 1.

  @Window(from = "records", window = "3s")
  static String window31(String record) {
    return record;
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "3s")
  static long sum31(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "3s", inverse = "minus")
  static long inverse31(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(from = "ones", window = "3s", inverse = "minus", filter = "positive")
  static long filteredCounts31(long a, long b) {
    return a + b;
  }

  @CountByWindow(from = "records", window = "3s")
  static long count31(long count) {
    return count;
  }

  @ReduceByWindow(from = "values", window = "3s")
  static long max31(long a, long b) {
    return Math.max(a, b);
  }

  @CountByValueAndWindow(from = "keys", window = "3s")
  static KV<String, Long> frequencies31(String key, long count) {
    return KV.of(key, count);
  }

  @GroupByKeyAndWindow(from = "pairs", window = "3s")
  static KV<String, List<Long>> groups31(String key, List<Long> values) {
    return KV.of(key, Records.sorted(values));
  }

  @Output(from = "window42")
  static Sink<String> window42Out() {
    return Sinks.print();
  }

  @Output(from = "sum42")
  static Sink<KV<String, Long>> sum42Out() {
    return Sinks.print();
  }

  @Output(from = "inverse42")
  static Sink<KV<String, Long>> inverse42Out() {
    return Sinks.print();
  }

  @Output(from = "filteredCounts42")
  static Sink<KV<String, Long>> filteredCounts42Out() {
    return Sinks.print();
  }

  @Output(from = "count42")
  static Sink<Long> count42Out() {
    return Sinks.print();
  }

  @Output(from = "max42")
  static Sink<Long> max42Out() {
    return Sinks.print();
  }

  @Output(from = "total42")
  static Sink<Long> total42Out() {
    return Sinks.print();
  }

  @Output(from = "frequencies42")
  static Sink<KV<String, Long>> frequencies42Out() {
    return Sinks.print();
  }

  @Output(from = "groups42")
  static Sink<KV<String, List<Long>>> groups42Out() {
    return Sinks.print();
  }

  @Output(from = "window31")
  static Sink<String> window31Out() {
    return Sinks.print();
  }

  @Output(from = "sum31")
  static Sink<KV<String, Long>> sum31Out() {
    return Sinks.print();
  }

  @Output(from = "inverse31")
  static Sink<KV<String, Long>> inverse31Out() {
    return Sinks.print();
  }

  @Output(from = "filteredCounts31")
  static Sink<KV<String, Long>> filteredCounts31Out() {
    return Sinks.print();
  }

  @Output(from = "count31")
  static Sink<Long> count31Out() {
    return Sinks.print();
  }

  @Output(from = "max31")
  static Sink<Long> max31Out() {
    return Sinks.print();
  }

  @Output(from = "frequencies31")
  static Sink<KV<String, Long>> frequencies31Out() {
    return Sinks.print();
  }

  @Output(from = "groups31")
  static Sink<KV<String, List<Long>>> groups31Out() {
    return Sinks.print();
  }
}
