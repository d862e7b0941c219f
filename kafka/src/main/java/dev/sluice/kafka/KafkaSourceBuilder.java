package dev.sluice.kafka;

import dev.sluice.api.KV;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options of a {@link KafkaSource}, then {@link #build()} (UTF-8 string values), {@link
 * #values(Deserializer)} or {@link #keyValues(Deserializer, Deserializer)}. From {@link
 * KafkaSources#kafka(String, String)}.
 *
 * <p>A builder is not thread-safe; each {@code build} takes a copy of the options.
 */
public final class KafkaSourceBuilder {

  /** The default rate limit: offsets per partition per batch. */
  public static final long DEFAULT_MAX_RECORDS_PER_PARTITION = 100_000;

  /** Consumer properties the source sets itself. */
  private static final Set<String> RESERVED =
      Set.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

  private final String bootstrapServers;
  private final String topic;
  private String group;
  private StartingOffsets startingOffsets = StartingOffsets.LATEST;
  private long maxRecordsPerPartition = DEFAULT_MAX_RECORDS_PER_PARTITION;
  private OutOfRangePolicy onOutOfRange = OutOfRangePolicy.FAIL;
  private Duration brokerTimeout = Duration.ofSeconds(5);
  private Duration pollTimeout = Duration.ofMillis(100);
  private Duration stallWarning = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(120);
  private final Map<String, String> consumerProperties = new TreeMap<>();
  private Logger log = LoggerFactory.getLogger(KafkaSource.class);

  KafkaSourceBuilder(String bootstrapServers, String topic) {
    this.bootstrapServers = requireText(bootstrapServers, "bootstrap servers");
    this.topic = requireText(topic, "topic");
  }

  /**
   * The consumer group to commit to: after each plan, the start of every partition's planned range
   * (the offset after everything earlier batches were planned to read) is committed to this group,
   * so that lag tools ({@code kafka-consumer-groups.sh --describe --group G}) show how far the
   * pipeline is behind. The group never has members: the source reads by offset, not by group
   * membership. Without a group nothing is committed.
   */
  public KafkaSourceBuilder group(String group) {
    this.group = requireText(group, "group");
    return this;
  }

  /** Where the first start reads from; {@link StartingOffsets#LATEST} unless set. */
  public KafkaSourceBuilder startingOffsets(StartingOffsets startingOffsets) {
    this.startingOffsets = Objects.requireNonNull(startingOffsets, "startingOffsets");
    return this;
  }

  /**
   * The rate limit: at most this many offsets per partition in one batch ({@value
   * #DEFAULT_MAX_RECORDS_PER_PARTITION} unless set). A pipeline that falls behind takes full ranges
   * batch after batch until it catches up, and never holds more than this per partition in memory.
   */
  public KafkaSourceBuilder maxRecordsPerPartition(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxRecordsPerPartition must be at least 1, was " + max);
    }
    this.maxRecordsPerPartition = max;
    return this;
  }

  /** What to do when the next offset to plan is out of its partition's range; fail unless set. */
  public KafkaSourceBuilder onOutOfRange(OutOfRangePolicy policy) {
    this.onOutOfRange = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * How long planning waits for the broker before it plans an empty batch (5 s unless set). It
   * blocks the driver thread, so keep it below the batch interval when the broker may go away.
   */
  public KafkaSourceBuilder brokerTimeout(Duration timeout) {
    this.brokerTimeout = positive(timeout, "brokerTimeout");
    return this;
  }

  /**
   * How long a read waits for the planned records before the batch fails (120 s unless set), with a
   * WARN every {@code stallWarning} (10 s unless set) meanwhile.
   */
  public KafkaSourceBuilder readTimeout(Duration readTimeout, Duration stallWarning) {
    this.readTimeout = positive(readTimeout, "readTimeout");
    this.stallWarning = positive(stallWarning, "stallWarning");
    return this;
  }

  /**
   * A property of the Kafka consumer that reads the records (security, fetch sizes, {@code
   * isolation.level}...). Its admin settings also go to the admin client that plans. The source
   * reads with {@code isolation.level=read_committed} unless set; it sets the deserializers, {@code
   * enable.auto.commit} and {@code auto.offset.reset} itself.
   *
   * @throws IllegalArgumentException if the name is not a consumer property or is one the source
   *     sets
   */
  public KafkaSourceBuilder consumerProperty(String name, String value) {
    if (name.equals(ConsumerConfig.GROUP_ID_CONFIG)) {
      return group(value);
    }
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "the Kafka source sets the consumer property '" + name + "' itself");
    }
    if (!ConsumerConfig.configNames().contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a Kafka consumer property");
    }
    consumerProperties.put(name, Objects.requireNonNull(value, name));
    return this;
  }

  /** Logs to {@code log} instead of the class's logger: for tests that check what is logged. */
  KafkaSourceBuilder logger(Logger log) {
    this.log = log;
    return this;
  }

  /** The source of the records' values as UTF-8 strings (a null value stays null). */
  public KafkaSource<String> build() {
    return values(new StringDeserializer());
  }

  /** The source of the records' values, deserialized by {@code values}. */
  public <V> KafkaSource<V> values(Deserializer<V> values) {
    values.configure(consumerProperties, false);
    return new KafkaSource<>(copy(), RecordDecoder.values(values), log);
  }

  /** The source of the records' keys and values, as {@link KV} pairs. */
  public <K, V> KafkaSource<KV<K, V>> keyValues(Deserializer<K> keys, Deserializer<V> values) {
    keys.configure(consumerProperties, true);
    values.configure(consumerProperties, false);
    return new KafkaSource<>(copy(), RecordDecoder.pairs(keys, values), log);
  }

  private KafkaSourceBuilder copy() {
    if (startingOffsets == StartingOffsets.COMMITTED && group == null) {
      throw new IllegalArgumentException(
          "Kafka source of " + topic + ": startingOffsets=committed needs a group");
    }
    KafkaSourceBuilder copy = new KafkaSourceBuilder(bootstrapServers, topic);
    copy.group = group;
    copy.startingOffsets = startingOffsets;
    copy.maxRecordsPerPartition = maxRecordsPerPartition;
    copy.onOutOfRange = onOutOfRange;
    copy.brokerTimeout = brokerTimeout;
    copy.pollTimeout = pollTimeout;
    copy.stallWarning = stallWarning;
    copy.readTimeout = readTimeout;
    copy.consumerProperties.putAll(consumerProperties);
    copy.log = log;
    return copy;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String topic() {
    return topic;
  }

  String group() {
    return group;
  }

  StartingOffsets startingOffsets() {
    return startingOffsets;
  }

  long maxRecordsPerPartition() {
    return maxRecordsPerPartition;
  }

  OutOfRangePolicy onOutOfRange() {
    return onOutOfRange;
  }

  Duration brokerTimeout() {
    return brokerTimeout;
  }

  Duration pollTimeout() {
    return pollTimeout;
  }

  Duration stallWarning() {
    return stallWarning;
  }

  Duration readTimeout() {
    return readTimeout;
  }

  Map<String, String> consumerProperties() {
    return consumerProperties;
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the Kafka " + what + " must not be empty");
    }
    return value;
  }

  private static Duration positive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
    return duration;
  }
}
