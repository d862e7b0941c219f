package dev.sluice.bench.pipelines;

import dev.sluice.api.Emitter;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.FlatMap;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.ReduceByKeyAndWindow;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;

/**
 * A windowed word count kept incrementally: the count of each word over the last 30 batches,
 * emitted every batch, with an inverse so that a slide adds the entering batch and subtracts the
 * leaving one. The benchmarks bind their own input and drive the generated program directly.
 */
@Pipeline(batchInterval = "1s")
public final class WindowedCounts {

  /** No lines by default; benchmarks bind theirs. */
  @Input
  Source<String> lines() {
    return Sources.batches(List.of());
  }

  /** Splits a line into its words. */
  @FlatMap(from = "lines")
  static void words(String line, Emitter<String> out) {
    for (String word : line.split(" ")) {
      out.emit(word);
    }
  }

  /** One occurrence of a word. */
  @Map(from = "words")
  static KV<String, Long> pairs(String word) {
    return KV.of(word, 1L);
  }

  /** Sums a word's occurrences over 30 batches, every batch, unboxed. */
  @ReduceByKeyAndWindow(from = "pairs", window = "30s", slide = "1s", inverse = "minus")
  static long windowCounts(long a, long b) {
    return a + b;
  }

  /** Undoes {@link #windowCounts}: removes the leaving batch's occurrences. */
  static long minus(long a, long b) {
    return a - b;
  }

  /** Prints the window's counts by default. */
  @Output(from = "windowCounts")
  Sink<KV<String, Long>> print() {
    return Sinks.print();
  }
}
