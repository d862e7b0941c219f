package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.CountByValueAndWindow;
import dev.sluice.api.annotation.CountByWindow;
import dev.sluice.api.annotation.GroupByKeyAndWindow;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Join;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.api.annotation.ReduceByKeyAndWindow;
import dev.sluice.api.annotation.ReduceByWindow;
import dev.sluice.api.annotation.Window;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;

/**
 * Every window operator over one input of words, 1 s batches: window L=4/S=2, reduceByKeyAndWindow
 * without an inverse (L=3/S=1), with an inverse (L=3/S=2) and with an inverse and a filter,
 * reduceByWindow, countByWindow, groupByKeyAndWindow, countByValueAndWindow, a keyed reduce after a
 * window, and a join of two windowed streams.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class WindowOps {

  @Input
  abstract Source<String> words();

  @Window(from = "words", window = "4s", slide = "2s")
  static String recent(String word) {
    return word;
  }

  @Map(from = "words")
  static KV<String, Long> pairs(String word) {
    return KV.of(word, 1L);
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "3s")
  static long sums(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "3s", slide = "2s", inverse = "minus")
  static long running(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(
      from = "pairs",
      window = "3s",
      slide = "2s",
      inverse = "minus",
      filter = "positive",
      partitions = 3)
  static long filtered(long a, long b) {
    return a + b;
  }

  static long minus(long a, long b) {
    return a - b;
  }

  static boolean positive(String key, long count) {
    return count > 0;
  }

  @Map(from = "words")
  static int lengths(String word) {
    return word.length();
  }

  @ReduceByWindow(from = "lengths", window = "2s")
  static int longest(int a, int b) {
    return Math.max(a, b);
  }

  @CountByWindow(from = "words", window = "3s", slide = "2s")
  static long counted(long count) {
    return count;
  }

  @Map(from = "words")
  static KV<String, Integer> initials(String word) {
    return KV.of(word.isEmpty() ? "" : word.substring(0, 1), word.length());
  }

  @GroupByKeyAndWindow(from = "initials", window = "4s", slide = "2s")
  static KV<String, List<Integer>> grouped(String initial, List<Integer> values) {
    return KV.of(initial, values);
  }

  @CountByValueAndWindow(from = "words", window = "3s", slide = "2s")
  static KV<String, Long> frequencies(String word, long count) {
    return KV.of(word, count);
  }

  @Map(from = "recent")
  static KV<String, Long> recentPairs(String word) {
    return KV.of(word, 1L);
  }

  @ReduceByKey(from = "recentPairs")
  static long recentCounts(long a, long b) {
    return a + b;
  }

  @Window(from = "initials", window = "2s", slide = "2s")
  static KV<String, Integer> recentInitials(KV<String, Integer> initial) {
    return initial;
  }

  @Window(from = "pairs", window = "4s", slide = "2s")
  static KV<String, Long> recentWords(KV<String, Long> pair) {
    return pair;
  }

  @Join(left = "recentInitials", right = "recentWords")
  static String joined(String key, Integer length, Long one) {
    return key + ":" + length + ":" + one;
  }

  @Output(from = "joined")
  static Sink<String> joinedOut() {
    return Sinks.print();
  }

  @Output(from = "recent")
  static Sink<String> recentOut() {
    return Sinks.print();
  }

  @Output(from = "sums")
  static Sink<KV<String, Long>> sumsOut() {
    return Sinks.print();
  }

  @Output(from = "running")
  static Sink<KV<String, Long>> runningOut() {
    return Sinks.print();
  }

  @Output(from = "filtered")
  static Sink<KV<String, Long>> filteredOut() {
    return Sinks.print();
  }

  @Output(from = "longest")
  static Sink<Integer> longestOut() {
    return Sinks.print();
  }

  @Output(from = "counted")
  static Sink<Long> countedOut() {
    return Sinks.print();
  }

  @Output(from = "grouped")
  static Sink<KV<String, List<Integer>>> groupedOut() {
    return Sinks.print();
  }

  @Output(from = "frequencies")
  static Sink<KV<String, Long>> frequenciesOut() {
    return Sinks.print();
  }

  @Output(from = "recentCounts")
  static Sink<KV<String, Long>> recentCountsOut() {
    return Sinks.print();
  }
}
