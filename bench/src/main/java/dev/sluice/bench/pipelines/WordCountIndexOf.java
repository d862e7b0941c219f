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
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;

/**
 * The WordCount example with the {@code indexOf} tokenizer of the tight hand-written loops ({@code
 * TightWordCount}), written the same way, so that a ratio against those loops compares the engines,
 * not the tokenizers.
 */
@Pipeline(batchInterval = "1s")
public final class WordCountIndexOf {

  @Input
  Source<String> lines() {
    return Sources.demo();
  }

  @FlatMap(from = "lines")
  static void words(String line, Emitter<String> out) {
    int from = 0;
    for (int space = line.indexOf(' '); space >= 0; space = line.indexOf(' ', from)) {
      out.emit(line.substring(from, space));
      from = space + 1;
    }
    out.emit(line.substring(from));
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
