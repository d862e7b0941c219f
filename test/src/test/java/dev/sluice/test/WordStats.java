package dev.sluice.test;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.FlatMap;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.api.annotation.ReduceByKeyAndWindow;
import dev.sluice.api.annotation.UpdateStateByKey;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;
import java.util.Optional;

/**
 * Words counted three ways: per batch, over a window of three batches sliding by two, and since the
 * start. A word {@code boom} makes {@code pairs} throw. Its input has no default source: tests feed
 * it.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class WordStats {

  @Input
  abstract Source<String> lines();

  @FlatMap(from = "lines")
  static void words(String line, Emitter<String> out) {
    for (String word : line.split(" ")) {
      out.emit(word);
    }
  }

  @Map(from = "words")
  static KV<String, Long> pairs(String word) {
    if (word.equals("boom")) {
      throw new IllegalStateException("boom");
    }
    return KV.of(word, 1L);
  }

  @ReduceByKey(from = "pairs")
  static long counts(long a, long b) {
    return a + b;
  }

  @ReduceByKeyAndWindow(from = "pairs", window = "3s", slide = "2s")
  static long windowCounts(long a, long b) {
    return a + b;
  }

  @UpdateStateByKey(from = "pairs")
  static Optional<Long> totals(List<Long> values, Optional<Long> total) {
    long sum = total.orElse(0L);
    for (long value : values) {
      sum += value;
    }
    return Optional.of(sum);
  }

  @Output(from = "counts")
  static Sink<KV<String, Long>> perBatch() {
    return Sinks.print();
  }

  @Output(from = "windowCounts")
  static Sink<KV<String, Long>> windowed() {
    return Sinks.print();
  }

  @Output(from = "totals")
  static Sink<KV<String, Long>> running() {
    return Sinks.print();
  }
}
