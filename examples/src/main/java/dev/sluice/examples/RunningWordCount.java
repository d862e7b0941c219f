package dev.sluice.examples;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.FlatMap;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.UpdateStateByKey;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;
import java.util.Optional;

/**
 * Word counts since the start, printed in full every batch: Spark's stateful network word count
 * ({@code updateStateByKey}). Every word seen so far keeps its count, also in batches where it does
 * not appear.
 */
@Pipeline(batchInterval = "2s")
public final class RunningWordCount {

  @Input
  Source<String> lines() {
    return Sources.demo();
  }

  @FlatMap(from = "lines")
  static void words(String line, Emitter<String> out) {
    for (String word : line.split(" ")) {
      out.emit(word);
    }
  }

  @Map(from = "words")
  static KV<String, Long> pairs(String word) {
    return KV.of(word, 1L);
  }

  @UpdateStateByKey(from = "pairs")
  static Optional<Long> totals(List<Long> newValues, Optional<Long> state) {
    long total = state.orElse(0L);
    for (long value : newValues) {
      total += value;
    }
    return Optional.of(total);
  }

  @Output(from = "totals")
  Sink<KV<String, Long>> print() {
    return Sinks.print();
  }
}
