package dev.sluice.examples.recovery;

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

/**
 * Word counts over a window of 5 batches sliding by 2, at 100 ms batches: the windowed pipeline of
 * the crash tests, small enough that a window fills and slides many times in a few seconds.
 */
@Pipeline(batchInterval = "100ms")
public final class WindowedTotals {

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

  @ReduceByKeyAndWindow(from = "pairs", window = "500ms", slide = "200ms")
  static long windowCounts(long a, long b) {
    return a + b;
  }

  @Output(from = "windowCounts")
  Sink<KV<String, Long>> print() {
    return Sinks.print();
  }
}
