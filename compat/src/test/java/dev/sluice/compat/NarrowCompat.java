package dev.sluice.compat;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Filter;
import dev.sluice.api.annotation.FlatMap;
import dev.sluice.api.annotation.FlatMapValues;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
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

/**
 * Narrow operators over lines (split edge cases) and two inputs of {@code key:value} records;
 * mirrored on Spark in {@link NarrowCompatTest}.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
final class NarrowCompat {

  /** The static reference table of the transform: keys known at start-up. */
  static final Set<String> KNOWN = Set.of("a", "c", "e", "g");

  @Input
  Source<String> lines() {
    return Sources.batches(List.of());
  }

  @Input
  Source<String> lefts() {
    return Sources.batches(List.of());
  }

  @Input
  Source<String> rights() {
    return Sources.batches(List.of());
  }

  @FlatMap(from = "lines")
  static void words(String line, Emitter<String> out) {
    for (String word : line.split(" ")) {
      out.emit(word);
    }
  }

  @Map(from = "words")
  static String bracketed(String word) {
    return "<" + word + ">";
  }

  @Filter(from = "words")
  static boolean nonEmpty(String word) {
    return !word.isEmpty();
  }

  @Map(from = "lefts")
  static KV<String, Long> pairs(String record) {
    return KV.of(Records.key(record), Records.value(record));
  }

  @MapValues(from = "pairs")
  static long tenfold(long value) {
    return value * 10;
  }

  @FlatMapValues(from = "pairs")
  static void below(long value, Emitter<Long> out) {
    for (long i = 0; i < value; i++) {
      out.emit(i);
    }
  }

  @Map(from = {"lefts", "rights"})
  static String union(String record) {
    return record;
  }

  @Transform(from = "lefts")
  List<String> known(List<String> batch) {
    List<String> found = new ArrayList<>();
    for (String record : batch) {
      if (KNOWN.contains(Records.key(record))) {
        found.add(record);
      }
    }
    return found;
  }

  @Repartition(from = "lefts", partitions = 3)
  static String repartition(String record) {
    return record;
  }

  @Output(from = "words")
  Sink<String> wordsOut() {
    return Sinks.print();
  }

  @Output(from = "bracketed")
  Sink<String> bracketedOut() {
    return Sinks.print();
  }

  @Output(from = "nonEmpty")
  Sink<String> nonEmptyOut() {
    return Sinks.print();
  }

  @Output(from = "tenfold")
  Sink<KV<String, Long>> tenfoldOut() {
    return Sinks.print();
  }

  @Output(from = "below")
  Sink<KV<String, Long>> belowOut() {
    return Sinks.print();
  }

  @Output(from = "union")
  Sink<String> unionOut() {
    return Sinks.print();
  }

  @Output(from = "known")
  Sink<String> knownOut() {
    return Sinks.print();
  }

  @Output(from = "repartition")
  Sink<String> repartitionOut() {
    return Sinks.print();
  }
}
