package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.engine;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.Partitioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineShuffleTest {

  private static final int PARTITIONS = 8;
  private static final int KEYS = 10_000;

  @Test
  void manyKeysOverEightPartitionsAddUpExactlyBatchAfterBatch() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    ScriptedBatchSource lines = new ScriptedBatchSource();
    List<Map<String, Long>> expected = new ArrayList<>();
    for (int batch = 1; batch <= 3; batch++) {
      Map<String, Long> counts = new HashMap<>();
      lines.put(batch * 1000L, lines(batch, counts));
      expected.add(counts);
    }
    CollectingSink sink = new CollectingSink();
    Engine engine =
        engine(new WordCountProgram("Shuffle", PARTITIONS, lines, sink, null), PARTITIONS, clock);
    engine.start();
    clock.advance(Duration.ofSeconds(3));
    awaitBatch(engine, 3000);

    for (int batch = 1; batch <= 3; batch++) {
      long time = batch * 1000L;
      assertEquals(expected.get(batch - 1), sink.counts(time), "batch " + time);
      Batch<KV<String, Long>> written = sink.batches.get(batch - 1);
      assertEquals(PARTITIONS, written.partitionCount());
      Set<String> keys = new HashSet<>();
      for (int r = 0; r < PARTITIONS; r++) {
        for (KV<String, Long> kv : written.partition(r)) {
          assertEquals(r, Partitioner.partition(kv.key(), PARTITIONS), kv.key());
          keys.add(kv.key());
        }
      }
      assertEquals(written.count(), keys.size(), "each key once");
    }
    stopAndCheck(engine);
  }

  /** 20,000 lines of 5 words over 10,000 keys, a different mix per batch; counts the words. */
  private static List<String> lines(int batch, Map<String, Long> counts) {
    List<String> lines = new ArrayList<>();
    long state = batch;
    for (int line = 0; line < 20_000; line++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 5; w++) {
        state = state * 6364136223846793005L + 1442695040888963407L;
        String word = "k" + Math.floorMod(state >>> 33, KEYS / batch);
        counts.merge(word, 1L, Long::sum);
        text.append(w == 0 ? "" : " ").append(word);
      }
      lines.add(text.toString());
    }
    return lines;
  }
}
