package dev.sluice.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.KV;
import dev.sluice.kafka.testing.EmbeddedKafka;
import dev.sluice.runtime.source.RecordingLogger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

@Timeout(60)
class KafkaSourceTest {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final RecordingLogger log = new RecordingLogger();

  private KafkaSourceBuilder source(String topic) {
    return KafkaSources.kafka(KAFKA.bootstrapServers(), topic)
        .startingOffsets(StartingOffsets.EARLIEST)
        .logger(log);
  }

  @Test
  void eachBatchReadsExactlyItsPlannedRangesPartitionByPartition() throws Exception {
    String topic = KAFKA.newTopic("exact", 2);
    KAFKA.send(topic, 1, "b0", "b1");
    KAFKA.send(topic, 0, "a0", "a1", "a2");
    try (KafkaSource<String> source = source(topic).build()) {
      byte[] first = source.plan(1000);
      assertEquals(
          List.of(new OffsetRange(topic, 0, 0, 3), new OffsetRange(topic, 1, 0, 2)),
          OffsetRanges.decode(first));
      assertEquals(List.of("a0", "a1", "a2", "b0", "b1"), source.read(1000, first));

      KAFKA.send(topic, 1, "b2");
      byte[] second = source.plan(2000);
      assertEquals(
          List.of(new OffsetRange(topic, 0, 3, 3), new OffsetRange(topic, 1, 2, 3)),
          OffsetRanges.decode(second));
      assertEquals(List.of("b2"), source.read(2000, second));

      byte[] third = source.plan(3000);
      assertEquals(List.of(), source.read(3000, third));
      // A logged plan is read again, also by another instance, as the same records.
      try (KafkaSource<String> replay = source(topic).build()) {
        assertEquals(List.of("a0", "a1", "a2", "b0", "b1"), replay.read(1000, first));
        assertEquals(List.of("b2"), replay.read(2000, second));
      }
    }
    assertEquals(List.of(), log.infoAndAbove());
  }

  @Test
  void resumeGoesOnRightAfterTheLastPlanAndIgnoresTheStartingOffsets() throws Exception {
    String topic = KAFKA.newTopic("resume", 1);
    KAFKA.send(topic, 0, "r0", "r1", "r2");
    byte[] last;
    try (KafkaSource<String> source = source(topic).maxRecordsPerPartition(2).build()) {
      last = source.plan(1000);
    }
    KAFKA.send(topic, 0, "r3");
    try (KafkaSource<String> restarted =
        source(topic).startingOffsets(StartingOffsets.LATEST).build()) {
      restarted.resume(1000, last);
      byte[] next = restarted.plan(2000);
      assertEquals(List.of(new OffsetRange(topic, 0, 2, 4)), OffsetRanges.decode(next));
      assertEquals(List.of("r2", "r3"), restarted.read(2000, next));
    }
  }

  @Test
  void theRateLimitCutsEachPartitionsRangeAndTheRestFollowsInLaterBatches() throws Exception {
    String topic = KAFKA.newTopic("rate", 2);
    KAFKA.send(topic, 0, "a0", "a1", "a2", "a3", "a4");
    KAFKA.send(topic, 1, "b0");
    try (KafkaSource<String> source = source(topic).maxRecordsPerPartition(2).build()) {
      List<List<String>> batches = new java.util.ArrayList<>();
      List<List<OffsetRange>> plans = new java.util.ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        byte[] plan = source.plan(i * 1000L);
        plans.add(OffsetRanges.decode(plan));
        batches.add(source.read(i * 1000L, plan));
      }
      assertEquals(
          List.of(
              List.of(new OffsetRange(topic, 0, 0, 2), new OffsetRange(topic, 1, 0, 1)),
              List.of(new OffsetRange(topic, 0, 2, 4), new OffsetRange(topic, 1, 1, 1)),
              List.of(new OffsetRange(topic, 0, 4, 5), new OffsetRange(topic, 1, 1, 1)),
              List.of(new OffsetRange(topic, 0, 5, 5), new OffsetRange(topic, 1, 1, 1))),
          plans);
      assertEquals(
          List.of(List.of("a0", "a1", "b0"), List.of("a2", "a3"), List.of("a4"), List.of()),
          batches);
    }
  }

  @Test
  void latestStartsAtTheEndAndCommittedAtTheGroupsOffsets() throws Exception {
    String topic = KAFKA.newTopic("start", 1);
    KAFKA.send(topic, 0, "old0", "old1");
    try (KafkaSource<String> source =
        source(topic).startingOffsets(StartingOffsets.LATEST).build()) {
      assertEquals(List.of(new OffsetRange(topic, 0, 2, 2)), OffsetRanges.decode(source.plan(1)));
    }
    String group = "g-" + topic;
    try (KafkaSource<String> source =
        source(topic).group(group).maxRecordsPerPartition(1).build()) {
      source.plan(1000);
      source.awaitCommit();
      byte[] second = source.plan(2000);
      source.awaitCommit();
      assertEquals(List.of(new OffsetRange(topic, 0, 1, 2)), OffsetRanges.decode(second));
    }
    try (Admin admin = KAFKA.admin()) {
      // The start of the newest planned batch, with the batch time in the metadata.
      assertEquals(
          Map.of(
              new TopicPartition(topic, 0), new OffsetAndMetadata(1, "sluice planned batch 2000")),
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
    }
    try (KafkaSource<String> source =
        source(topic).group(group).startingOffsets(StartingOffsets.COMMITTED).build()) {
      assertEquals(List.of(new OffsetRange(topic, 0, 1, 2)), OffsetRanges.decode(source.plan(1)));
    }
  }

  @Test
  void readCommittedPlansUpToAnOpenTransactionAndSkipsAbortedRecordsAndMarkers() throws Exception {
    String topic = KAFKA.newTopic("txn", 1);
    try (KafkaProducer<String, String> producer = transactional("txn-writer-" + topic)) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, null, "a"));
      producer.send(new ProducerRecord<>(topic, 0, null, "b"));
      producer.commitTransaction(); // offsets 0, 1; marker 2
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, null, "aborted"));
      producer.flush();
      producer.abortTransaction(); // offset 3; marker 4
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, null, "open"));
      producer.flush(); // offset 5, not decided yet
      try (KafkaSource<String> source = source(topic).build()) {
        byte[] first = source.plan(1000);
        assertEquals(List.of(new OffsetRange(topic, 0, 0, 5)), OffsetRanges.decode(first));
        assertEquals(List.of("a", "b"), source.read(1000, first));
        producer.commitTransaction(); // marker 6
        // The broker writes the commit marker just after the commit returns: until then the
        // last stable offset stays at 5 and batches are empty. Each plan is a round trip.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        long time = 2000;
        byte[] second = source.plan(time);
        while (OffsetRanges.decode(second).get(0).size() == 0 && System.nanoTime() < deadline) {
          assertEquals(List.of(new OffsetRange(topic, 0, 5, 5)), OffsetRanges.decode(second));
          time += 1000;
          second = source.plan(time);
        }
        assertEquals(List.of(new OffsetRange(topic, 0, 5, 7)), OffsetRanges.decode(second));
        assertEquals(List.of("open"), source.read(time, second));
      }
    }
  }

  private static KafkaProducer<String, String> transactional(String id) {
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                id),
            new StringSerializer(),
            new StringSerializer());
    producer.initTransactions();
    return producer;
  }

  @Test
  void keysAndValuesBecomePairsWithTheGivenDeserializers() throws Exception {
    String topic = KAFKA.newTopic("pairs", 1);
    KAFKA.sendRaw(
        topic,
        0,
        List.of(
            new byte[][] {bytes("k"), new byte[] {0, 0, 0, 7}},
            new byte[][] {null, new byte[] {0, 0, 1, 0}}));
    try (KafkaSource<KV<String, Integer>> source =
        source(topic).keyValues(new StringDeserializer(), new IntegerDeserializer())) {
      byte[] plan = source.plan(1);
      assertEquals(List.of(KV.of("k", 7), KV.of(null, 256)), source.read(1, plan));
    }
  }

  @Test
  void aRecordThatDoesNotDeserializeFailsTheBatchNamingItsOffsetAndBytes() throws Exception {
    String topic = KAFKA.newTopic("bad", 1);
    KAFKA.sendRaw(
        topic,
        0,
        List.of(
            new byte[][] {null, new byte[] {0, 0, 0, 1}},
            new byte[][] {null, bytes("abc")},
            new byte[][] {null, null}));
    try (KafkaSource<Integer> source = source(topic).values(new IntegerDeserializer())) {
      byte[] plan = source.plan(1);
      KafkaSourceException e = assertThrows(KafkaSourceException.class, () -> source.read(1, plan));
      assertEquals(
          "cannot deserialize the value of the record at offset 1 of "
              + topic
              + "-0 with IntegerDeserializer: Size of data received by IntegerDeserializer is not"
              + " 4; its first 3 of 3 bytes: 61 62 63",
          e.getMessage());
    }
    assertEquals(
        "its first 16 of 20 bytes: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f",
        RecordDecoder.preview(
            new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
  }

  @Test
  void anUnknownTopicFailsAtTheFirstPlanAndADeletedOneAtTheNext() throws Exception {
    try (KafkaSource<String> source = source("no-such-topic").build()) {
      KafkaSourceException e = assertThrows(KafkaSourceException.class, () -> source.plan(1));
      assertEquals(
          "Kafka source kafka no-such-topic at "
              + KAFKA.bootstrapServers()
              + ": topic 'no-such-topic' does not exist; create it first (Sluice does not create"
              + " input topics)",
          e.getMessage());
    }
    String topic = KAFKA.newTopic("deleted", 1);
    try (KafkaSource<String> source = source(topic).build()) {
      source.plan(1);
      KAFKA.deleteTopic(topic);
      KafkaSourceException e = assertThrows(KafkaSourceException.class, () -> source.plan(2));
      assertEquals(
          "Kafka source kafka "
              + topic
              + " at "
              + KAFKA.bootstrapServers()
              + ": topic '"
              + topic
              + "' was deleted; its records cannot be read any more",
          e.getMessage());
    }
  }

  @Test
  void offsetsOutOfRangeFailWithTheRangeUnlessAPolicyMovesOn() throws Exception {
    String topic = KAFKA.newTopic("range", 1);
    KAFKA.send(topic, 0, "x0", "x1", "x2", "x3");
    byte[] planned = OffsetRanges.encode(List.of(new OffsetRange(topic, 0, 0, 1)));
    try (Admin admin = KAFKA.admin()) {
      admin
          .deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(3)))
          .all()
          .get();
    }
    try (KafkaSource<String> source = source(topic).build()) {
      source.resume(1, planned);
      KafkaSourceException e = assertThrows(KafkaSourceException.class, () -> source.plan(2));
      assertEquals(
          "Kafka source kafka "
              + topic
              + " at "
              + KAFKA.bootstrapServers()
              + ": the next offset of "
              + topic
              + "-0, 1, is out of the partition's range [3, 4): retention deleted offsets [1, 3);"
              + " set onOutOfRange=earliest or onOutOfRange=latest to go on from there",
          e.getMessage());
      // A logged plan whose records are gone cannot be read as planned.
      KafkaSourceException read =
          assertThrows(KafkaSourceException.class, () -> source.read(1, planned));
      assertEquals(
          "Kafka source kafka "
              + topic
              + " at "
              + KAFKA.bootstrapServers()
              + ": the planned offsets "
              + topic
              + "-0 [0, 1) are no longer in the topic (retention deleted them, or the topic was"
              + " recreated); this batch cannot be read as planned",
          read.getMessage());
    }
    try (KafkaSource<String> source =
        source(topic).onOutOfRange(OutOfRangePolicy.EARLIEST).build()) {
      source.resume(1, planned);
      byte[] plan = source.plan(2);
      assertEquals(List.of(new OffsetRange(topic, 0, 3, 4)), OffsetRanges.decode(plan));
      assertEquals(List.of("x3"), source.read(2, plan));
    }
    byte[] beyond = OffsetRanges.encode(List.of(new OffsetRange(topic, 0, 0, 9)));
    try (KafkaSource<String> source = source(topic).onOutOfRange(OutOfRangePolicy.LATEST).build()) {
      source.resume(1, beyond);
      assertEquals(List.of(new OffsetRange(topic, 0, 4, 4)), OffsetRanges.decode(source.plan(2)));
    }
    assertEquals(
        List.of(
            "WARN Kafka source kafka "
                + topic
                + " at "
                + KAFKA.bootstrapServers()
                + ": the next offset of "
                + topic
                + "-0, 1, is out of the partition's range [3, 4): retention deleted offsets [1,"
                + " 3); going on at the earliest offset, 3",
            "WARN Kafka source kafka "
                + topic
                + " at "
                + KAFKA.bootstrapServers()
                + ": the next offset of "
                + topic
                + "-0, 9, is out of the partition's range [3, 4): the partition is shorter than"
                + " before (was the topic recreated?); going on at the end, 4"),
        log.infoAndAbove());
  }

  @Test
  void anUnreachableBrokerGivesEmptyBatchesWithOneWarningAndNoStackTrace() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    try (KafkaSource<String> source =
        KafkaSources.kafka("127.0.0.1:" + port, "words")
            .brokerTimeout(Duration.ofMillis(300))
            .logger(log)
            .build()) {
      assertEquals(List.of(), OffsetRanges.decode(source.plan(1000)));
      assertEquals(List.of(), OffsetRanges.decode(source.plan(2000)));
      assertEquals(List.of(), source.read(2000, source.plan(3000)));
    }
    assertEquals(
        List.of(
            "WARN Kafka source kafka words at 127.0.0.1:"
                + port
                + ": the broker did not answer within 300 ms (TimeoutException); planning empty"
                + " batches and asking again at every batch"),
        log.infoAndAbove());
    assertEquals(3, log.events().stream().filter(e -> e.level() != Level.TRACE).count());
    assertFalse(log.events().stream().anyMatch(RecordingLogger.Event::withThrowable));
  }

  @Test
  void aPlanOfAnotherFormatVersionIsRefusedClearly() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OffsetRanges.decode(new byte[] {2}));
    assertEquals(
        "Kafka plan of format version 2; this Sluice reads version 1 (was the batch log written by"
            + " a newer Sluice?)",
        e.getMessage());
    assertTrue(Set.of(1).contains(OffsetRanges.VERSION));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
