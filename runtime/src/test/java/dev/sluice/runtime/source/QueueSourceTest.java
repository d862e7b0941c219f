package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.BatchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class QueueSourceTest {

  @Test
  void takesOneCollectionPerBatchThenEmptyBatches() throws Exception {
    Queue<List<String>> queue = new ConcurrentLinkedQueue<>();
    queue.add(List.of("a", "b"));
    queue.add(List.of());
    queue.add(List.of("c"));
    BatchSource<String> source = Sources.queue(queue);

    assertEquals(List.of("a", "b"), source.nextBatch(1000));
    assertEquals(List.of(), source.nextBatch(2000));
    assertEquals(List.of("c"), source.nextBatch(3000));
    assertEquals(List.of(), source.nextBatch(4000));
    queue.add(List.of("added while running"));
    assertEquals(List.of("added while running"), source.nextBatch(5000));
    assertEquals("queue", source.describe());
  }

  @Test
  void copiesEachBatchSoLaterChangesDoNotLeakIn() throws Exception {
    List<Integer> records = new ArrayList<>(List.of(1, 2));
    Queue<List<Integer>> queue = new ConcurrentLinkedQueue<>();
    queue.add(records);
    List<Integer> batch = Sources.queue(queue).nextBatch(1000);
    records.add(3);
    assertEquals(List.of(1, 2), batch);
  }

  @Test
  void batchesReplaysTheGivenListsInOrder() throws Exception {
    BatchSource<Integer> source = Sources.batches(List.of(List.of(1), List.of(2, 3)));
    assertEquals(List.of(1), source.nextBatch(1000));
    assertEquals(List.of(2, 3), source.nextBatch(2000));
    assertEquals(List.of(), source.nextBatch(3000));
  }
}
