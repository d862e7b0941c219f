package dev.sluice.kafka;

import dev.sluice.api.KV;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options of a {@link KafkaSink}, then {@link #build()} (records as text), {@link
 * #values(Serializer)} or {@link #keyValues(Serializer, Serializer)}. From {@link
 * KafkaSinks#kafka(String, String)}.
 *
 * <p>A builder is not thread-safe; each {@code build} takes a copy of the options.
 */
public final class KafkaSinkBuilder {

  /** Producer properties the sink sets itself. */
  private static final Set<String> RESERVED =
      Set.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          ProducerConfig.ACKS_CONFIG);

  private final String bootstrapServers;
  private final String topic;
  private String id;
  private Duration transactionTimeout = Duration.ofMinutes(1);
  private final Map<String, String> producerProperties = new TreeMap<>();
  private Logger log = LoggerFactory.getLogger(KafkaSink.class);

  KafkaSinkBuilder(String bootstrapServers, String topic) {
    this.bootstrapServers = KafkaSourceBuilder.requireText(bootstrapServers, "bootstrap servers");
    this.topic = KafkaSourceBuilder.requireText(topic, "topic");
    this.id = "sluice-sink-" + topic;
  }

  /**
   * The sink's identity, stable across restarts: its producers' {@code transactional.id} and the
   * name of the consumer group in which each transaction records its batch ({@code
   * sluice-sink-TOPIC} unless set). Name it after the pipeline and the output, such as {@code
   * sluice-wordcount-counts}; two pipelines writing one topic need two ids, since a start with an
   * id fences every other writer with it.
   */
  public KafkaSinkBuilder id(String id) {
    this.id = KafkaSourceBuilder.requireText(id, "sink id");
    return this;
  }

  /**
   * The longest a batch's transaction may stay open before the broker aborts it (1 minute unless
   * set): longer than writing one batch takes, at most the broker's {@code
   * transaction.max.timeout.ms} (15 minutes by default), which the sink checks before its first
   * transaction. An open transaction holds back every {@code read_committed} reader of the topic,
   * also after a crash, until this timeout or the restart aborts it.
   */
  public KafkaSinkBuilder transactionTimeout(Duration timeout) {
    if (timeout == null || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("transactionTimeout must be positive, was " + timeout);
    }
    this.transactionTimeout = timeout;
    return this;
  }

  /**
   * A property of the Kafka producer (security, {@code compression.type}, {@code linger.ms}...).
   * {@code transaction.timeout.ms} and {@code transactional.id} are the same as {@link
   * #transactionTimeout} and {@link #id}.
   *
   * @throws IllegalArgumentException if the name is not a producer property or is one the sink sets
   */
  public KafkaSinkBuilder producerProperty(String name, String value) {
    Objects.requireNonNull(value, name);
    if (name.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      return id(value);
    }
    if (name.equals(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)) {
      return transactionTimeout(Duration.ofMillis(Long.parseLong(value)));
    }
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "the Kafka sink sets the producer property '" + name + "' itself");
    }
    if (!ProducerConfig.configNames().contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a Kafka producer property");
    }
    producerProperties.put(name, value);
    return this;
  }

  /** Logs to {@code log} instead of the class's logger: for tests that check what is logged. */
  KafkaSinkBuilder logger(Logger log) {
    this.log = log;
    return this;
  }

  /**
   * A sink of any records as text: a {@link KV} becomes a record with its key's text as the key and
   * its value's text as the value, anything else a value of its text with no key; UTF-8.
   */
  public <T> KafkaSink<T> build() {
    return new KafkaSink<>(copy(), RecordEncoder.text());
  }

  /** A sink of values, serialized by {@code values}, with no key. */
  public <V> KafkaSink<V> values(Serializer<V> values) {
    values.configure(producerProperties, false);
    return new KafkaSink<>(copy(), RecordEncoder.values(values));
  }

  /** A sink of pairs: each {@link KV} a record with that key and value. */
  public <K, V> KafkaSink<KV<K, V>> keyValues(Serializer<K> keys, Serializer<V> values) {
    keys.configure(producerProperties, true);
    values.configure(producerProperties, false);
    return new KafkaSink<>(copy(), RecordEncoder.pairs(keys, values));
  }

  private KafkaSinkBuilder copy() {
    KafkaSinkBuilder copy = new KafkaSinkBuilder(bootstrapServers, topic);
    copy.id = id;
    copy.transactionTimeout = transactionTimeout;
    copy.producerProperties.putAll(producerProperties);
    copy.log = log;
    return copy;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String topic() {
    return topic;
  }

  String id() {
    return id;
  }

  Duration transactionTimeout() {
    return transactionTimeout;
  }

  Map<String, String> producerProperties() {
    return producerProperties;
  }

  Logger log() {
    return log;
  }
}
