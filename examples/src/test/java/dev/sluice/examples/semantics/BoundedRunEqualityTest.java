package dev.sluice.examples.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.runtime.source.Sources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bounded run gives the outputs of a streaming run over the same batches: every window operator
 * and updateStateByKey, each output batch by batch (times and records, in order), with the windows
 * drained after the input ends.
 */
@Timeout(60)
class BoundedRunEqualityTest {

  /** Each output's batches as "time: records". */
  private static Map<String, List<String>> texts(Map<String, List<Batch<Object>>> out) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    out.forEach(
        (name, batches) ->
            texts.put(name, batches.stream().map(b -> b.time() + ": " + b.toList()).toList()));
    return texts;
  }

  /** The number of batches a bounded run ran: those of an output written every batch. */
  private static int batches(Map<String, List<Batch<Object>>> out, String everyBatch) {
    return out.get(everyBatch).size();
  }

  @Test
  void everyWindowOperatorDrainsAsWhenStreaming() throws Exception {
    Map<String, List<Batch<Object>>> once =
        Harness.runOnce(WindowOpsPipeline.builder().words(Sources.batches(WindowOpsTest.WORDS)), 2);
    // the last word is in batch 5; the windows (lengths 4, 3, 3, 3, 2, 3, 4, 3, 2, 4 batches)
    // may hold it for the sum of (length - 1) = 21 batches more
    int ran = batches(once, "sumsOut");
    assertEquals(6 + 21, ran);
    Map<String, List<Batch<Object>>> streaming =
        Harness.run(
            WindowOpsPipeline.builder().words(Sources.batches(WindowOpsTest.WORDS)), 2, ran);
    assertEquals(texts(streaming), texts(once));
  }

  @Test
  void stateOperatorsGiveTheStreamingOutputs() throws Exception {
    List<List<String>> words = List.of(List.of("a", "b"), List.of("a"), List.of(), List.of("c"));
    Map<String, List<Batch<Object>>> once =
        Harness.runOnce(StateOpsPipeline.builder().words(Sources.batches(words)), 2);
    assertEquals(4, batches(once, "runningOut"), "no window: the run ends with the input");
    Map<String, List<Batch<Object>>> streaming =
        Harness.run(StateOpsPipeline.builder().words(Sources.batches(words)), 2, 4);
    assertEquals(texts(streaming), texts(once));
  }
}
