package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.UpdateStateByKey;
import dev.sluice.runtime.sink.Sinks;
import java.util.List;
import java.util.Optional;

/**
 * updateStateByKey over words: a running count that removes a key once it has been idle for two
 * batches, and a stage after the state fused into its loop.
 */
@Pipeline(batchInterval = "1s", generateMain = false)
abstract class StateOps {

  @Input
  abstract Source<String> words();

  @Map(from = "words")
  static KV<String, Long> pairs(String word) {
    return KV.of(word, 1L);
  }

  /** State: {@code count * 10 + idle batches}; removed after two idle batches. */
  @UpdateStateByKey(from = "pairs", partitions = 3)
  static Optional<Long> running(List<Long> values, Optional<Long> state) {
    return StateOpsTest.update(values, state);
  }

  @Map(from = "running")
  static String described(KV<String, Long> entry) {
    return entry.key() + "=" + entry.value();
  }

  @Output(from = "running")
  static Sink<KV<String, Long>> runningOut() {
    return Sinks.print();
  }

  @Output(from = "described")
  static Sink<String> describedOut() {
    return Sinks.print();
  }
}
