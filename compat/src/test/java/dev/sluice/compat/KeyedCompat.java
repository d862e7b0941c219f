package dev.sluice.compat;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Cogroup;
import dev.sluice.api.annotation.CombineByKey;
import dev.sluice.api.annotation.Count;
import dev.sluice.api.annotation.CountByValue;
import dev.sluice.api.annotation.GroupByKey;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Join;
import dev.sluice.api.annotation.JoinKind;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.Reduce;
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;
import java.util.Optional;

/**
 * Per-batch aggregations and joins over two inputs of {@code key:value} records; mirrored on Spark
 * in {@link KeyedCompatTest}.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class KeyedCompat {

  @Input
  abstract Source<String> lefts();

  @Input
  abstract Source<String> rights();

  @Map(from = "lefts")
  static KV<String, Long> left(String record) {
    return KV.of(Records.key(record), Records.value(record));
  }

  @Map(from = "rights")
  static KV<String, Long> right(String record) {
    return KV.of(Records.key(record), Records.value(record));
  }

  @Map(from = "lefts")
  static String keys(String record) {
    return Records.key(record);
  }

  @Map(from = "lefts")
  static long values(String record) {
    return Records.value(record);
  }

  @Count(from = "lefts")
  static long count(long count) {
    return count;
  }

  @CountByValue(from = "keys")
  static KV<String, Long> countByValue(String key, long count) {
    return KV.of(key, count);
  }

  @Reduce(from = "values")
  static long reduce(long a, long b) {
    return a + b;
  }

  @ReduceByKey(from = "left")
  static long reduceByKey(long a, long b) {
    return a + b;
  }

  @GroupByKey(from = "left")
  static KV<String, List<Long>> groupByKey(String key, List<Long> values) {
    return KV.of(key, Records.sorted(values));
  }

  /** Combiner {@code sum * 10 + count}: order-independent, so both engines agree. */
  @CombineByKey(from = "left", createCombiner = "create", mergeValue = "mergeValue")
  static long combineByKey(long a, long b) {
    return a + b;
  }

  static long create(long value) {
    return value * 10 + 1;
  }

  static long mergeValue(long combiner, long value) {
    return combiner + value * 10 + 1;
  }

  @Join(left = "left", right = "right")
  static KV<String, KV<Long, Long>> join(String key, Long l, Long r) {
    return KV.of(key, KV.of(l, r));
  }

  @Join(left = "left", right = "right", kind = JoinKind.LEFT_OUTER)
  static KV<String, KV<Long, Optional<Long>>> leftOuterJoin(String key, Long l, Optional<Long> r) {
    return KV.of(key, KV.of(l, r));
  }

  @Join(left = "left", right = "right", kind = JoinKind.RIGHT_OUTER)
  static KV<String, KV<Optional<Long>, Long>> rightOuterJoin(String key, Optional<Long> l, Long r) {
    return KV.of(key, KV.of(l, r));
  }

  @Join(left = "left", right = "right", kind = JoinKind.FULL_OUTER)
  static KV<String, KV<Optional<Long>, Optional<Long>>> fullOuterJoin(
      String key, Optional<Long> l, Optional<Long> r) {
    return KV.of(key, KV.of(l, r));
  }

  @Cogroup(left = "left", right = "right")
  static KV<String, KV<List<Long>, List<Long>>> cogroup(String key, List<Long> l, List<Long> r) {
    return KV.of(key, KV.of(Records.sorted(l), Records.sorted(r)));
  }

  @Output(from = "count")
  static Sink<Long> countOut() {
    return Sinks.print();
  }

  @Output(from = "countByValue")
  static Sink<KV<String, Long>> countByValueOut() {
    return Sinks.print();
  }

  @Output(from = "reduce")
  static Sink<Long> reduceOut() {
    return Sinks.print();
  }

  @Output(from = "reduceByKey")
  static Sink<KV<String, Long>> reduceByKeyOut() {
    return Sinks.print();
  }

  @Output(from = "groupByKey")
  static Sink<KV<String, List<Long>>> groupByKeyOut() {
    return Sinks.print();
  }

  @Output(from = "combineByKey")
  static Sink<KV<String, Long>> combineByKeyOut() {
    return Sinks.print();
  }

  @Output(from = "join")
  static Sink<KV<String, KV<Long, Long>>> joinOut() {
    return Sinks.print();
  }

  @Output(from = "leftOuterJoin")
  static Sink<KV<String, KV<Long, Optional<Long>>>> leftOuterJoinOut() {
    return Sinks.print();
  }

  @Output(from = "rightOuterJoin")
  static Sink<KV<String, KV<Optional<Long>, Long>>> rightOuterJoinOut() {
    return Sinks.print();
  }

  @Output(from = "fullOuterJoin")
  static Sink<KV<String, KV<Optional<Long>, Optional<Long>>>> fullOuterJoinOut() {
    return Sinks.print();
  }

  @Output(from = "cogroup")
  static Sink<KV<String, KV<List<Long>, List<Long>>>> cogroupOut() {
    return Sinks.print();
  }
}
