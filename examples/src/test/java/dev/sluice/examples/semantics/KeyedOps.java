package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.CombineByKey;
import dev.sluice.api.annotation.Count;
import dev.sluice.api.annotation.CountByValue;
import dev.sluice.api.annotation.GroupByKey;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.Reduce;
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;

/** count, countByValue, reduce, reduceByKey, groupByKey and combineByKey over one input. */
@Pipeline(generateMain = false)
abstract class KeyedOps {

  @Input
  abstract Source<String> words();

  @Count(from = "words")
  static long total(long count) {
    return count;
  }

  @CountByValue(from = "words")
  static KV<String, Long> frequencies(String word, long count) {
    return KV.of(word, count);
  }

  @Map(from = "words")
  static int lengths(String word) {
    return word.length();
  }

  @Reduce(from = "lengths")
  static int longest(int a, int b) {
    return Math.max(a, b);
  }

  @Map(from = "words")
  static KV<String, Integer> pairs(String word) {
    return KV.of(word.isEmpty() ? "" : word.substring(0, 1), word.length());
  }

  @ReduceByKey(from = "pairs", partitions = 3)
  static int sums(int a, int b) {
    return a + b;
  }

  @GroupByKey(from = "pairs")
  static KV<String, List<Integer>> groups(String key, List<Integer> values) {
    return KV.of(key, values);
  }

  @CombineByKey(from = "pairs", createCombiner = "first", mergeValue = "add")
  static long averages(long a, long b) {
    return a + b;
  }

  static long first(int length) {
    return length * 1000L + 1;
  }

  static long add(long combiner, int length) {
    return combiner + length * 1000L + 1;
  }

  @Output(from = "total")
  static Sink<Long> totalOut() {
    return Sinks.print();
  }

  @Output(from = "frequencies")
  static Sink<KV<String, Long>> frequenciesOut() {
    return Sinks.print();
  }

  @Output(from = "longest")
  static Sink<Integer> longestOut() {
    return Sinks.print();
  }

  @Output(from = "sums")
  static Sink<KV<String, Integer>> sumsOut() {
    return Sinks.print();
  }

  @Output(from = "groups")
  static Sink<KV<String, List<Integer>>> groupsOut() {
    return Sinks.print();
  }

  @Output(from = "averages")
  static Sink<KV<String, Long>> averagesOut() {
    return Sinks.print();
  }
}
