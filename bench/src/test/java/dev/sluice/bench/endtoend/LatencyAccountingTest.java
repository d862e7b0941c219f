package dev.sluice.bench.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.Receiver;
import dev.sluice.runtime.metrics.BatchInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The latency benchmark's bookkeeping: the paced source stamps every line with its due time, in
 * order, the sink attributes each batch to the next run of lines from the sum of its counts, and
 * only the measured batches with records count in the engine's delays.
 */
class LatencyAccountingTest {

  private static final List<String> LINES =
      List.of("a b c d e f g h i j", "k l m n o p q r s t", "a a a a a a a a a a");

  @Test
  @Timeout(10)
  void pacedSourceStoresEveryLineInOrderWithEvenlySpacedDueTimes() {
    PacedLines source = new PacedLines(LINES, 1_000_000, 7);
    List<String> stored = new ArrayList<>();
    source.receive(collecting(stored));
    assertEquals(
        List.of(
            LINES.get(0),
            LINES.get(1),
            LINES.get(2),
            LINES.get(0),
            LINES.get(1),
            LINES.get(2),
            LINES.get(0)),
        stored);
    for (int i = 1; i < 7; i++) {
      assertEquals(1_000, source.dueNanos(i) - source.dueNanos(i - 1), "line " + i);
    }
  }

  @Test
  @Timeout(10)
  void sinkAttributesBatchesToConsecutiveLinesAfterTheWarmUp() {
    PacedLines source = new PacedLines(LINES, 1_000_000, 7);
    source.receive(collecting(new ArrayList<>()));
    LatencySink sink = new LatencySink(source, 2);

    sink.write(batch(List.of(KV.of("a", 13L), KV.of("b", 7L)))); // 20 words: lines 0 and 1
    assertEquals(2, sink.linesSeen());
    assertEquals(0, sink.latency().getTotalCount());

    sink.write(batch(List.of())); // an empty batch: no lines
    sink.write(batch(List.of(KV.of("a", 40L), KV.of("k", 10L)))); // 50 words: lines 2 to 6
    assertEquals(7, sink.linesSeen());
    assertEquals(5, sink.latency().getTotalCount());
    assertEquals(1, sink.batches());
    assertTrue(sink.latency().getMinValue() > 0);
  }

  @Test
  @Timeout(10)
  void sinkMeasuresOnlyOnceLinesAfterTheWarmUpArrived() {
    PacedLines source = new PacedLines(LINES, 1_000_000, 3);
    source.receive(collecting(new ArrayList<>()));
    LatencySink sink = new LatencySink(source, 2);
    sink.write(batch(List.of(KV.of("a", 20L)))); // lines 0 and 1: the warm-up
    assertFalse(sink.measuring());
    sink.write(batch(List.of(KV.of("a", 10L)))); // line 2
    assertTrue(sink.measuring());
  }

  @Test
  void batchDelaysRecordBatchesWithRecordsWhileMeasuring() {
    boolean[] measuring = {false};
    BatchDelays delays = new BatchDelays(() -> measuring[0]);
    delays.onBatchCompleted(info(100, 7, 1));
    measuring[0] = true;
    delays.onBatchCompleted(info(100, 3, 2));
    delays.onBatchCompleted(info(0, 40, 9)); // empty: left out
    assertEquals(1, delays.processing().getTotalCount());
    assertEquals(3_000, delays.processing().getMinValue()); // the one value, in microseconds
    assertEquals(2_000, delays.scheduling().getMinValue());
  }

  @Test
  void sinkRefusesCountsThatAreNotWholeLines() {
    PacedLines source = new PacedLines(LINES, 1_000_000, 1);
    LatencySink sink = new LatencySink(source, 0);
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> sink.write(batch(List.of(KV.of("a", 9L)))));
    assertEquals("9 words is not a whole number of lines", thrown.getMessage());
  }

  private static BatchInfo info(long records, long processingMillis, long schedulingMillis) {
    Duration processing = Duration.ofMillis(processingMillis);
    Duration scheduling = Duration.ofMillis(schedulingMillis);
    return new BatchInfo(
        "WordCount",
        1_000,
        records,
        scheduling,
        processing,
        scheduling.plus(processing),
        List.of());
  }

  private static Receiver<String> collecting(List<String> stored) {
    return new Receiver<>() {
      @Override
      public void store(String record) {
        stored.add(record);
      }

      @Override
      public boolean isStopped() {
        return false;
      }
    };
  }

  private static Batch<KV<String, Long>> batch(List<KV<String, Long>> records) {
    return new Batch<>() {
      @Override
      public long time() {
        return 0;
      }

      @Override
      public long index() {
        return 0;
      }

      @Override
      public int partitionCount() {
        return 1;
      }

      @Override
      public List<KV<String, Long>> partition(int index) {
        return records;
      }

      @Override
      public long count() {
        return records.size();
      }

      @Override
      public List<KV<String, Long>> toList() {
        return records;
      }

      @Override
      public Iterator<KV<String, Long>> iterator() {
        return records.iterator();
      }
    };
  }
}
