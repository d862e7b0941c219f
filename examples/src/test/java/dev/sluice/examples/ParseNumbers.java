package dev.sluice.examples;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Filter;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.ReduceByKey;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;

/** Sums numbers by parity; a line that is not a number makes {@code parsed} throw. */
@Pipeline(batchInterval = "1s", generateMain = false)
final class ParseNumbers {

  @Input
  Source<String> lines() {
    return Sources.batches(List.of(List.of("1", "2", "3"), List.of("4", "x", "5")));
  }

  @Filter(from = "lines")
  static boolean nonEmpty(String line) {
    return !line.isEmpty();
  }

  @Map(from = "nonEmpty")
  static int parsed(String line) {
    return Integer.parseInt(line);
  }

  @Map(from = "parsed")
  static KV<String, Integer> byParity(int number) {
    return KV.of(number % 2 == 0 ? "even" : "odd", number);
  }

  @ReduceByKey(from = "byParity")
  static int sums(int a, int b) {
    return a + b;
  }

  @Output(from = "sums")
  Sink<KV<String, Integer>> print() {
    return Sinks.print();
  }
}
