package dev.sluice.examples.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import dev.sluice.api.IdempotentSink;
import dev.sluice.api.KV;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.kafka.KafkaSink;
import dev.sluice.kafka.KafkaSinks;
import dev.sluice.kafka.KafkaSources;
import dev.sluice.kafka.StartingOffsets;
import dev.sluice.kafka.testing.EmbeddedKafka;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * WordCount from a Kafka topic to a Kafka topic with a checkpoint directory, exactly once across a
 * failure that struck after the sink's transaction committed and before the pipeline's commit
 * record: the restart runs that batch again from its logged plan, and the sink does not write it a
 * second time.
 */
@Timeout(90)
class KafkaWordCountTest {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final long START = 1_764_032_398_000L;
  private static final long FIRST = 1_764_032_400_000L;

  @Test
  void eachBatchsCountsReachTheOutputTopicOnceAcrossARestart(@TempDir Path checkpoint)
      throws Exception {
    String lines = KAFKA.newTopic("lines", 2);
    String counts = KAFKA.newTopic("counts", 1);

    // Run 1: batch 0 is committed; batch 1's output is committed to Kafka, then the pipeline
    // fails before its own commit record.
    ManualClock clock = BatchClock.manual(START);
    StreamingPipeline first = pipeline(lines, counts, checkpoint, clock, 1);
    first.start();
    try {
      KAFKA.send(lines, 0, "hello world");
      KAFKA.send(lines, 1, "hello spark");
      clock.setMillis(FIRST);
      assertTrue(first.awaitBatch(FIRST, WAIT));
      KAFKA.send(lines, 0, "world spark");
      clock.setMillis(FIRST + 2000);
      PipelineFailedException failed =
          assertThrows(PipelineFailedException.class, first::awaitTermination);
      assertTrue(failed.getMessage().contains("failure after commit"), failed.getMessage());
    } finally {
      first.close();
    }

    // Run 2: batch 1 again from its plan (skipped by the sink), then a new batch.
    ManualClock again = BatchClock.manual(FIRST + 2000);
    StreamingPipeline second = pipeline(lines, counts, checkpoint, again, -1);
    second.start();
    try {
      assertTrue(second.awaitBatch(FIRST + 2000, WAIT));
      KAFKA.send(lines, 1, "hello again");
      again.setMillis(FIRST + 4000);
      assertTrue(second.awaitBatch(FIRST + 4000, WAIT));
      second.stop(true);
    } finally {
      second.close();
    }

    assertEquals(
        sorted(
            List.of(
                "hello=2", "world=1", "spark=1", // batch 0
                "world=1", "spark=1", // batch 1, once
                "hello=1", "again=1")), // batch 2
        sorted(committed(counts)));
  }

  private static StreamingPipeline pipeline(
      String lines, String counts, Path checkpoint, ManualClock clock, long failAfterIndex) {
    KafkaSink<KV<String, Long>> sink =
        KafkaSinks.kafka(KAFKA.bootstrapServers(), counts).id("sluice-wordcount-counts").build();
    return WordCountPipeline.builder()
        .lines(
            KafkaSources.kafka(KAFKA.bootstrapServers(), lines)
                .group("wordcount")
                .startingOffsets(StartingOffsets.EARLIEST)
                .build())
        .print(new FailingAfterCommit<>(sink, failAfterIndex))
        .checkpoint(checkpoint)
        .clock(clock)
        .parallelism(2)
        .ui(false)
        .build();
  }

  private static List<String> committed(String topic) {
    List<String> records = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : KAFKA.readAll(topic, "read_committed")) {
      records.add(
          new String(record.key(), StandardCharsets.UTF_8)
              + "="
              + new String(record.value(), StandardCharsets.UTF_8));
    }
    return records;
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }

  /** Writes through to the Kafka sink, then fails the batch {@code failAfterIndex}. */
  private record FailingAfterCommit<T>(KafkaSink<T> sink, long failAfterIndex)
      implements IdempotentSink<T> {
    @Override
    public void write(Batch<T> batch) throws Exception {
      sink.write(batch);
      if (batch.index() == failAfterIndex) {
        throw new IllegalStateException("failure after commit of batch " + batch.index());
      }
    }

    @Override
    public void close() {
      sink.close();
    }
  }
}
