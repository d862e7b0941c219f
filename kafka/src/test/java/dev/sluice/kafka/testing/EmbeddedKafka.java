package dev.sluice.kafka.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives a test class a real Kafka broker ({@link KafkaBroker}), shared by
 * every test class of the JVM that registers one, started at the first and stopped when the test
 * run ends: one start of about 2 s per JVM, not per class.
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
 * }</pre>
 *
 * <p>Since the broker is shared, each test takes topics of its own from {@link #newTopic}.
 *
 * <p><b>Threads:</b> the helpers open their own clients per call and may be called from any thread.
 */
public final class EmbeddedKafka implements BeforeAllCallback {

  private static final AtomicInteger TOPICS = new AtomicInteger();

  private volatile KafkaBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    // In the root store: started once per JVM, closed by JUnit when the whole run ends.
    Shared shared =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(EmbeddedKafka.class))
            .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    broker = shared.broker;
  }

  /** The shared broker. */
  public KafkaBroker broker() {
    KafkaBroker started = broker;
    if (started == null) {
      throw new IllegalStateException("register EmbeddedKafka with @RegisterExtension on a static");
    }
    return started;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** A new admin client; the caller closes it. */
  public Admin admin() {
    return broker().admin();
  }

  /** Creates a topic named {@code prefix-N} (N unique in the JVM) with {@code partitions}. */
  public String newTopic(String prefix, int partitions) {
    String name = prefix + "-" + TOPICS.incrementAndGet();
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + name, e.getCause());
    }
    return name;
  }

  /** Deletes {@code topic} and waits until the broker's metadata no longer lists it. */
  public void deleteTopic(String topic) throws Exception {
    try (Admin admin = admin()) {
      admin.deleteTopics(Set.of(topic)).all().get();
      // The controller has committed the deletion; the broker applies it a moment later. Each
      // round trip is the wait, so this loop needs no sleep.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (admin.listTopics().names().get().contains(topic)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " still listed 10 s after deletion");
        }
      }
    }
  }

  /**
   * Writes {@code values} (UTF-8, no key) to {@code partition} of {@code topic}, in order, and
   * returns once the broker acknowledged all of them.
   */
  public void send(String topic, int partition, String... values) {
    List<byte[][]> records = new ArrayList<>();
    for (String value : values) {
      records.add(new byte[][] {null, value.getBytes(StandardCharsets.UTF_8)});
    }
    sendRaw(topic, partition, records);
  }

  /** Writes {@code (key, value)} byte pairs to {@code partition} of {@code topic}, in order. */
  public void sendRaw(String topic, int partition, List<byte[][]> keysAndValues) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "0"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (byte[][] record : keysAndValues) {
        producer.send(new ProducerRecord<>(topic, partition, record[0], record[1]));
      }
      producer.flush();
    }
  }

  /**
   * Reads every record of {@code topic} up to its end now, partition by partition, with the given
   * isolation level ({@code read_committed} sees only committed transactions).
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolationLevel) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolationLevel,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
              .toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = ends.get(partition);
        while (consumer.position(partition) < end) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            all.add(record);
          }
        }
      }
      return all;
    }
  }

  /** The values of {@link #readAll} as UTF-8 strings. */
  public List<String> readValues(String topic, String isolationLevel) {
    return readAll(topic, isolationLevel).stream()
        .map(r -> r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  /** Closes the shared broker when the test run's root context closes. */
  private static final class Shared implements AutoCloseable {
    final KafkaBroker broker;

    private Shared(KafkaBroker broker) {
      this.broker = broker;
    }

    static Shared start() {
      try {
        return new Shared(KafkaBroker.start());
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the embedded Kafka broker", e);
      }
    }

    @Override
    public void close() {
      broker.close();
    }
  }
}
