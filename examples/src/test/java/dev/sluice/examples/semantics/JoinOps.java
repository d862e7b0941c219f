package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Cogroup;
import dev.sluice.api.annotation.GroupByKey;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Join;
import dev.sluice.api.annotation.JoinKind;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;
import java.util.Optional;

/** The four joins, cogroup and a grouped union over two inputs of {@code key:value} lines. */
@Pipeline(generateMain = false)
abstract class JoinOps {

  @Input
  abstract Source<String> lefts();

  @Input
  abstract Source<String> rights();

  @Map(from = "lefts")
  static KV<String, String> left(String line) {
    return KV.of(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
  }

  @Map(from = "rights")
  static KV<String, Integer> right(String line) {
    return KV.of(
        line.substring(0, line.indexOf(':')),
        Integer.parseInt(line.substring(line.indexOf(':') + 1)));
  }

  @Join(left = "left", right = "right")
  static KV<String, KV<String, Integer>> inner(String key, String l, Integer r) {
    return KV.of(key, KV.of(l, r));
  }

  @Join(left = "left", right = "right", kind = JoinKind.LEFT_OUTER)
  static KV<String, KV<String, Optional<Integer>>> leftOuter(
      String key, String l, Optional<Integer> r) {
    return KV.of(key, KV.of(l, r));
  }

  @Join(left = "left", right = "right", kind = JoinKind.RIGHT_OUTER, partitions = 1)
  static KV<String, KV<Optional<String>, Integer>> rightOuter(
      String key, Optional<String> l, int r) {
    return KV.of(key, KV.of(l, r));
  }

  @Join(left = "left", right = "right", kind = JoinKind.FULL_OUTER)
  static KV<String, KV<Optional<String>, Optional<Integer>>> fullOuter(
      String key, Optional<String> l, Optional<Integer> r) {
    return KV.of(key, KV.of(l, r));
  }

  @Cogroup(left = "left", right = "right")
  static KV<String, KV<List<String>, List<Integer>>> both(
      String key, List<String> l, List<Integer> r) {
    return KV.of(key, KV.of(l, r));
  }

  @Map(from = "right")
  static KV<String, String> rightText(KV<String, Integer> pair) {
    return KV.of(pair.key(), "#" + pair.value());
  }

  /** groupByKey over the union of the two sides. */
  @GroupByKey(from = {"left", "rightText"})
  static KV<String, List<String>> grouped(String key, List<String> values) {
    return KV.of(key, values);
  }

  /** A self-join: both sides read the same stage. */
  @Join(left = "left", right = "left")
  static String self(String key, String a, String b) {
    return key + ":" + a + "+" + b;
  }

  @Output(from = "inner")
  static Sink<Object> innerOut() {
    return Sinks.print();
  }

  @Output(from = "leftOuter")
  static Sink<Object> leftOuterOut() {
    return Sinks.print();
  }

  @Output(from = "rightOuter")
  static Sink<Object> rightOuterOut() {
    return Sinks.print();
  }

  @Output(from = "fullOuter")
  static Sink<Object> fullOuterOut() {
    return Sinks.print();
  }

  @Output(from = "both")
  static Sink<Object> bothOut() {
    return Sinks.print();
  }

  @Output(from = "grouped")
  static Sink<Object> groupedOut() {
    return Sinks.print();
  }

  @Output(from = "self")
  static Sink<Object> selfOut() {
    return Sinks.print();
  }
}
