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
import dev.sluice.api.annotation.ReduceByKeyAndWindow;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;

/**
 * Word counts over the last 30 seconds, every 10 seconds, on 5 s batches: Spark's windowed word
 * count ({@code reduceByKeyAndWindow(_ + _, Seconds(30), Seconds(10))}). The output is written at
 * every second batch only (batches 1, 3, 5, ...), each time with the counts of the words in the
 * last six batches.
 */
@Pipeline(batchInterval = "5s")
public final class WindowedWordCount {

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

  @ReduceByKeyAndWindow(from = "pairs", window = "30s", slide = "10s")
  static long windowCounts(long a, long b) {
    return a + b;
  }

  @Output(from = "windowCounts")
  Sink<KV<String, Long>> print() {
    return Sinks.print();
  }
}
