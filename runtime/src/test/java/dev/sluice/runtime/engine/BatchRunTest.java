package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.internal.OutputSlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRunTest {

  @Test
  void cutsIntoContiguousPartitionsInOrderSizesDifferingByAtMostOne() {
    List<Integer> records = IntStream.range(0, 10).boxed().toList();
    List<?>[] parts = BatchRun.cut(records, 3);
    assertEquals(List.of(0, 1, 2), parts[0]);
    assertEquals(List.of(3, 4, 5), parts[1]);
    assertEquals(List.of(6, 7, 8, 9), parts[2]);
  }

  @Test
  void morePartitionsThanRecordsLeavesSomeEmpty() {
    List<?>[] parts = BatchRun.cut(List.of("a", "b"), 4);
    assertEquals(List.of(), parts[0]);
    assertEquals(List.of("a"), parts[1]);
    assertEquals(List.of(), parts[2]);
    assertEquals(List.of("b"), parts[3]);
  }

  @Test
  void partitionsAreViewsNotCopies() {
    List<String> records = new ArrayList<>(List.of("a", "b", "c", "d"));
    List<?>[] parts = BatchRun.cut(records, 2);
    records.set(3, "z"); // a view sees it; the engine never does this after sealing
    assertEquals(List.of("c", "z"), parts[1]);
  }

  @Test
  void givesEachInputsPartitionsAndFreshOutputListsPerRun() {
    SealedBatch batch =
        new SealedBatch(
            1000,
            4,
            List.of(List.of("a", "b", "c", "d"), List.of("x")),
            new long[2],
            Arrays.asList(null, null),
            false);
    List<OutputSlot> outputs =
        List.of(new OutputSlot("one", b -> {}, 2), new OutputSlot("two", b -> {}, 3));
    BatchRun run = new BatchRun(batch, 2, outputs);
    assertEquals(1000, run.batchTime());
    assertEquals(4, run.batchIndex());
    assertEquals(List.of("a", "b"), run.input(0, 0));
    assertEquals(List.of("c", "d"), run.input(0, 1));
    assertEquals(List.of(), run.input(1, 0));
    assertEquals(List.of("x"), run.input(1, 1));
    assertEquals(2, run.outputPartitions(0).length);
    assertEquals(3, run.outputPartitions(1).length);
    run.<String>output(1, 2).add("out");
    assertEquals(List.of("out"), run.outputPartitions(1)[2]);
    assertTrue(run.outputPartitions(1)[1].isEmpty());
    BatchRun next = new BatchRun(batch, 2, outputs);
    assertNotSame(run.output(1, 2), next.output(1, 2));
    assertTrue(next.outputPartitions(1)[2].isEmpty());
  }

  @Test
  void firstBatchTimeFollowsSpark() {
    assertEquals(1000, Engine.firstBatchTime(0, 1000));
    assertEquals(1500, Engine.firstBatchTime(1234, 500));
    assertEquals(2000, Engine.firstBatchTime(1500, 500));
    assertEquals(0, Engine.firstBatchTime(-1, 1000));
    assertEquals(1764032404000L, Engine.firstBatchTime(1764032402001L, 2000));
  }
}
