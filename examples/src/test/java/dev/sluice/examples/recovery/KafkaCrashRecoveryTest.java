package dev.sluice.examples.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.kafka.testing.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated WordCount main, with {@code --lines kafka://...} and {@code --print kafka://...}
 * and a checkpoint directory, in a child JVM killed with SIGKILL while it runs, then started again
 * with the same command: the output topic, read with {@code read_committed}, holds every line's
 * counts exactly once.
 */
@Timeout(120)
class KafkaCrashRecoveryTest {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final int LINES = 60;

  @TempDir Path dir;

  @Test
  void wordCountFromTopicToTopicIsExactlyOnceAcrossAKill9() throws Exception {
    String lines = KAFKA.newTopic("crash-lines", 2);
    String counts = KAFKA.newTopic("crash-counts", 1);
    // Line i is "wI common": each wI must be counted once, common LINES times in all.
    List<List<String>> byPartition = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < LINES; i++) {
      byPartition.get(i % 2).add("w" + i + " common");
    }
    KAFKA.send(lines, 0, byPartition.get(0).toArray(String[]::new));
    KAFKA.send(lines, 1, byPartition.get(1).toArray(String[]::new));
    String broker = KAFKA.bootstrapServers();
    List<String> args =
        List.of(
            "--lines",
            "kafka://"
                + broker
                + "/"
                + lines
                + "?group=wordcount&startingOffsets=earliest&maxRecordsPerPartition=3",
            "--print",
            "kafka://" + broker + "/" + counts + "?id=sluice-wordcount-print",
            "--checkpoint",
            dir.resolve("checkpoint").toString(),
            "--batch-interval",
            "200ms",
            "--no-ui");
    Path log = dir.resolve("child.log");
    // 10 batches of 6 lines: the kill comes after 1 to 4 committed output records, so within the
    // first few batches, between two of them or inside one.
    long seed = System.nanoTime();
    int killAfter = 1 + new Random(seed).nextInt(4);
    String run = "seed " + seed + ", kill after " + killAfter + " records; log " + log;
    try (CommittedCounts output = new CommittedCounts(counts)) {
      try (ChildPipeline first =
          ChildPipeline.start("dev.sluice.examples.WordCountMain", args, null, log)) {
        output.await(first, log, () -> output.records.size() >= killAfter);
        first.kill();
      }
      try (ChildPipeline second =
          ChildPipeline.start("dev.sluice.examples.WordCountMain", args, null, log)) {
        output.await(second, log, () -> output.total("common") >= LINES);
      }
      Map<String, List<Long>> byWord = new TreeMap<>();
      for (String[] record : output.records) {
        byWord.computeIfAbsent(record[0], w -> new ArrayList<>()).add(Long.parseLong(record[1]));
      }
      assertEquals(LINES, output.total("common"), "common over all batches; " + run);
      for (int i = 0; i < LINES; i++) {
        assertEquals(List.of(1L), byWord.get("w" + i), "counts of w" + i + "; " + run);
      }
      assertEquals(LINES + 1, byWord.size());
      String childLog = Files.readString(log);
      assertTrue(childLog.contains("INFO Checkpointing - Recovered WordCount from"), childLog);
    }
  }

  /** The output topic as a {@code read_committed} reader sees it, read as it grows. */
  private static final class CommittedCounts implements AutoCloseable {
    final List<String[]> records = new ArrayList<>();
    private final KafkaConsumer<String, String> consumer;

    CommittedCounts(String topic) {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                  ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                  ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
              new StringDeserializer(),
              new StringDeserializer());
      consumer.assign(List.of(new TopicPartition(topic, 0)));
    }

    /** Reads until {@code done}, failing if the child exits or 60 s pass; poll is the wait. */
    void await(ChildPipeline child, Path log, java.util.function.BooleanSupplier done)
        throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!done.getAsBoolean()) {
        if (!child.alive()) {
          fail("the pipeline exited; its log:\n" + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          fail(
              "no such output within 60 s: "
                  + records.size()
                  + " records; log:\n"
                  + Files.readString(log));
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(new String[] {record.key(), record.value()});
        }
      }
    }

    long total(String word) {
      return records.stream()
          .filter(r -> r[0].equals(word))
          .mapToLong(r -> Long.parseLong(r[1]))
          .sum();
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
