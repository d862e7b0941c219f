package dev.sluice.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.KV;
import dev.sluice.kafka.testing.EmbeddedKafka;
import dev.sluice.runtime.sink.TestBatch;
import dev.sluice.runtime.source.RecordingLogger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class KafkaSinkTest {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final RecordingLogger log = new RecordingLogger();

  private KafkaSinkBuilder sink(String topic) {
    return KafkaSinks.kafka(KAFKA.bootstrapServers(), topic).id("test-" + topic).logger(log);
  }

  @Test
  void aBatchRunAgainAfterARestartIsNotWrittenTwiceAndLaterBatchesAre() throws Exception {
    String topic = KAFKA.newTopic("once", 1);
    try (KafkaSink<String> first = sink(topic).build()) {
      first.write(TestBatch.of(1000, List.of("a", "b"), List.of("c")).withIndex(0));
      first.write(TestBatch.<String>of(2000, List.of()).withIndex(1));
      first.write(TestBatch.of(3000, List.of("d")).withIndex(2));
    }
    try (KafkaSink<String> restarted = sink(topic).build()) {
      // The run after a crash runs batch 2 again (its commit record was lost), then goes on.
      restarted.write(TestBatch.of(3000, List.of("d")).withIndex(2));
      restarted.write(TestBatch.of(4000, List.of("e")).withIndex(3));
    }
    assertEquals(List.of("a", "b", "c", "d", "e"), KAFKA.readValues(topic, "read_committed"));
    assertEquals(List.of("a", "b", "c", "d", "e"), KAFKA.readValues(topic, "read_uncommitted"));
    try (Admin admin = KAFKA.admin()) {
      assertEquals(
          Map.of(
              new TopicPartition(topic, 0),
              new OffsetAndMetadata(4, "sluice-sink batch=3 time=4000")),
          admin.listConsumerGroupOffsets("test-" + topic).partitionsToOffsetAndMetadata().get());
    }
    String sink = topic + " at " + KAFKA.bootstrapServers() + " (id test-" + topic + ")";
    assertEquals(
        List.of(
            "INFO Kafka sink " + sink + ": the last batch committed by an earlier run is 2 at 3000",
            "INFO Kafka sink "
                + sink
                + ": batch 2 at 3000 was committed by an earlier attempt; not written again"),
        log.infoAndAbove());
  }

  @Test
  void theTransactionACrashedAttemptLeftOpenIsAbortedAndTheBatchWrittenOnce() throws Exception {
    String topic = KAFKA.newTopic("fenced", 1);
    // The crashed attempt: batch 0 sent inside a transaction that never committed.
    KafkaProducer<String, String> crashed =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "test-" + topic),
            new StringSerializer(),
            new StringSerializer());
    crashed.initTransactions();
    crashed.beginTransaction();
    crashed.send(new ProducerRecord<>(topic, "x"));
    crashed.flush();
    try (KafkaSink<String> restarted = sink(topic).build()) {
      restarted.write(TestBatch.of(1000, List.of("x")).withIndex(0));
    }
    crashed.close(Duration.ZERO);
    assertEquals(List.of("x"), KAFKA.readValues(topic, "read_committed"));
    // The aborted attempt's record is in the log, skipped by read_committed readers only.
    assertEquals(List.of("x", "x"), KAFKA.readValues(topic, "read_uncommitted"));
  }

  @Test
  void pairsAreWrittenWithTheirSerializersOrAsTextByDefault() throws Exception {
    String topic = KAFKA.newTopic("pairs", 1);
    try (KafkaSink<KV<String, Long>> sink =
        sink(topic).keyValues(new StringSerializer(), new LongSerializer())) {
      sink.write(TestBatch.of(1000, List.of(KV.of("hello", 2L))).withIndex(0));
    }
    ConsumerRecord<byte[], byte[]> record = KAFKA.readAll(topic, "read_committed").get(0);
    assertEquals("hello", new String(record.key(), StandardCharsets.UTF_8));
    assertEquals(2L, ByteBuffer.wrap(record.value()).getLong());

    String text = KAFKA.newTopic("text", 1);
    try (KafkaSink<Object> sink = sink(text).build()) {
      sink.write(TestBatch.<Object>of(1000, List.of(KV.of("spark", 1L), "plain")).withIndex(0));
    }
    List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(text, "read_committed");
    assertEquals("spark", new String(records.get(0).key(), StandardCharsets.UTF_8));
    assertEquals("1", new String(records.get(0).value(), StandardCharsets.UTF_8));
    assertEquals(null, records.get(1).key());
    assertEquals("plain", new String(records.get(1).value(), StandardCharsets.UTF_8));
  }

  @Test
  void aTransactionTimeoutAboveTheBrokersLimitFailsBeforeAnythingIsWritten() throws Exception {
    String topic = KAFKA.newTopic("timeout", 1);
    try (KafkaSink<String> sink = sink(topic).transactionTimeout(Duration.ofMinutes(20)).build()) {
      KafkaSinkException e =
          assertThrows(
              KafkaSinkException.class, () -> sink.write(TestBatch.of(1000, List.of("a"))));
      assertEquals(
          "Kafka sink "
              + sink.describe()
              + ": its transaction timeout, transaction.timeout.ms=1200000, is above the broker's"
              + " transaction.max.timeout.ms=900000; lower it to at most 900000 or raise the"
              + " broker's limit",
          e.getMessage());
    }
    assertEquals(List.of(), KAFKA.readValues(topic, "read_uncommitted"));
  }

  @Test
  void aMissingTopicAndAForeignBatchAtACommittedTimeFailClearly() throws Exception {
    try (KafkaSink<String> sink = sink("no-such-output").build()) {
      KafkaSinkException e =
          assertThrows(
              KafkaSinkException.class, () -> sink.write(TestBatch.of(1000, List.of("a"))));
      assertEquals(
          "Kafka sink "
              + sink.describe()
              + ": topic 'no-such-output' does not exist; create it first (Sluice does not create"
              + " output topics)",
          e.getMessage());
    }
    String topic = KAFKA.newTopic("foreign", 1);
    try (KafkaSink<String> sink = sink(topic).build()) {
      sink.write(TestBatch.of(1000, List.of("a")).withIndex(5));
      KafkaSinkException e =
          assertThrows(
              KafkaSinkException.class,
              () -> sink.write(TestBatch.of(1000, List.of("b")).withIndex(0)));
      assertEquals(
          "Kafka sink "
              + sink.describe()
              + ": batch 0 has the time 1000 of batch 5, which this sink id already committed; is"
              + " this another pipeline, or a new checkpoint directory? Give the sink an id of its"
              + " own",
          e.getMessage());
    }
  }
}
