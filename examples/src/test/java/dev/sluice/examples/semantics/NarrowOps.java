package dev.sluice.examples.semantics;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Filter;
import dev.sluice.api.annotation.FlatMapValues;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.MapPartitions;
import dev.sluice.api.annotation.MapValues;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.Repartition;
import dev.sluice.api.annotation.Transform;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Union, mapValues, flatMapValues, mapPartitions, transform with static data, repartition. */
@Pipeline(generateMain = false)
final class NarrowOps {

  /** A reference table loaded when the pipeline instance is made: the static data of transform. */
  private final Set<String> known;

  NarrowOps() {
    known = Set.of("apple", "cherry", "fig");
  }

  @Input
  Source<String> left() {
    return Sources.batches(List.of());
  }

  @Input
  Source<String> right() {
    return Sources.batches(List.of());
  }

  /** The union of the two inputs. */
  @Filter(from = {"left", "right"})
  static boolean both(String word) {
    return true;
  }

  @Map(from = "left")
  static String upper(String word) {
    return word.toUpperCase();
  }

  @Map(from = "left")
  static String reversed(String word) {
    return new StringBuilder(word).reverse().toString();
  }

  /** A union of two computed stages: every upper partition, then every reversed one. */
  @Map(from = {"upper", "reversed"})
  static String mixed(String word) {
    return "<" + word + ">";
  }

  @Map(from = "left")
  static KV<String, Integer> pairs(String word) {
    return KV.of(word.substring(0, 1), word.length());
  }

  @MapValues(from = "pairs")
  static String lengths(int length) {
    return "len" + length;
  }

  @FlatMapValues(from = "pairs")
  static void countdown(Integer length, Emitter<Integer> out) {
    for (int i = length; i > 3; i--) {
      out.emit(i);
    }
  }

  @MapPartitions(from = "right")
  static void tagged(List<String> partition, Emitter<String> out) {
    for (int i = 0; i < partition.size(); i++) {
      out.emit(partition.get(i) + "@" + i + "/" + partition.size());
    }
  }

  @MapPartitions(from = "upper")
  static void counted(List<String> partition, Emitter<Integer> out) {
    out.emit(partition.size());
  }

  @Transform(from = "left")
  List<String> knownWords(List<String> batch, long time) {
    List<String> found = new ArrayList<>();
    for (String word : batch) {
      if (known.contains(word)) {
        found.add(word + "@" + time);
      }
    }
    return found;
  }

  @Repartition(from = "right", partitions = 3)
  static String spread(String word) {
    return word;
  }

  @Output(from = "both")
  Sink<String> unionOut() {
    return Sinks.print();
  }

  @Output(from = "mixed")
  Sink<String> mixedOut() {
    return Sinks.print();
  }

  @Output(from = "lengths")
  Sink<KV<String, String>> lengthsOut() {
    return Sinks.print();
  }

  @Output(from = "countdown")
  Sink<KV<String, Integer>> countdownOut() {
    return Sinks.print();
  }

  @Output(from = "tagged")
  Sink<String> taggedOut() {
    return Sinks.print();
  }

  @Output(from = "counted")
  Sink<Integer> countedOut() {
    return Sinks.print();
  }

  @Output(from = "knownWords")
  Sink<String> knownOut() {
    return Sinks.print();
  }

  @Output(from = "spread")
  Sink<String> spreadOut() {
    return Sinks.print();
  }
}
