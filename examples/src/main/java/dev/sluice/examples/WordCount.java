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
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;

/**
 * Counts the words of each batch of lines: Spark Streaming's network word count.
 *
 * <p>Run {@code WordCountMain} for the built-in demo input, or bind a socket with {@code --lines
 * socket://localhost:9999}.
 */
@Pipeline(batchInterval = "2s")
public final class WordCount {

  /** The default input: the demo source, which replays the lines of the walk-through. */
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

  @ReduceByKey(from = "pairs")
  static long counts(long a, long b) {
    return a + b;
  }

  @Output(from = "counts")
  Sink<KV<String, Long>> print() {
    return Sinks.print();
  }
}
