package dev.sluice.kafka;

import dev.sluice.api.Batch;
import dev.sluice.api.IdempotentSink;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;

/**
 * An exactly-once Kafka sink: each batch is one producer transaction, and a batch run again after a
 * crash is never written twice. Build one with {@link KafkaSinks#kafka(String, String)}.
 *
 * <p><b>How.</b> A Kafka transaction cannot be prepared by one process and committed by the next: a
 * restart fences the old producer and aborts what it left open. So the sink does not take part in
 * the runtime's two-phase commit; it writes and commits each batch in its own {@code write}, and
 * makes that idempotent. Each transaction carries, besides the batch's records, an offset commit to
 * the sink's own consumer group (named by its {@linkplain KafkaSinkBuilder#id id}) whose metadata
 * names the batch: {@code sluice-sink batch=INDEX time=TIME}, on partition 0 of the output topic at
 * offset INDEX + 1. The records and that marker become visible together or not at all.
 *
 * <p>At its first write the sink checks its transaction timeout against the broker's {@code
 * transaction.max.timeout.ms}, starts its transactional producer (which fences any earlier producer
 * with the same id and aborts its open transaction) and reads the marker. Then a batch whose time
 * is not after the marker's was committed before, by an earlier attempt, and is skipped; any later
 * batch is written. A batch run again after a crash has the same time, so it is written once
 * whether the crash came before, during or after its commit; a new run without a checkpoint
 * directory has later batch times and writes them all. An empty batch writes nothing and opens no
 * transaction.
 *
 * <p>Readers see each batch once with {@code isolation.level=read_committed}; a {@code
 * read_uncommitted} reader also sees the records of aborted attempts.
 *
 * <p><b>Threads:</b> {@link #write} is called one batch at a time, possibly from different threads,
 * each call happening-before the next (the {@link dev.sluice.api.Sink} contract), which also
 * publishes the fields set by the first call; {@link #close} comes after the last write.
 *
 * @param <T> the type of the records
 */
public final class KafkaSink<T> implements IdempotentSink<T>, AutoCloseable {

  static final String MARKER_PREFIX = "sluice-sink batch=";

  private final KafkaSinkBuilder options;
  private final RecordEncoder<T> encoder;
  private final Logger log;
  private final String topic;
  private final TopicPartition markerPartition;

  private KafkaProducer<byte[], byte[]> producer;
  private ConsumerGroupMetadata markerGroup;
  private long committedIndex = -1;
  private long committedTime = Long.MIN_VALUE;

  KafkaSink(KafkaSinkBuilder options, RecordEncoder<T> encoder) {
    this.options = options;
    this.encoder = encoder;
    this.log = options.log();
    this.topic = options.topic();
    this.markerPartition = new TopicPartition(topic, 0);
  }

  @Override
  public void write(Batch<T> batch) throws Exception {
    if (producer == null) {
      open();
    }
    if (batch.time() <= committedTime) {
      if (batch.time() == committedTime && batch.index() != committedIndex) {
        throw new KafkaSinkException(
            "Kafka sink "
                + describe()
                + ": batch "
                + batch.index()
                + " has the time "
                + batch.time()
                + " of batch "
                + committedIndex
                + ", which this sink id already committed; is this another pipeline, or a new"
                + " checkpoint directory? Give the sink an id of its own");
      }
      log.info(
          "Kafka sink {}: batch {} at {} was committed by an earlier attempt; not written again",
          describe(),
          batch.index(),
          batch.time());
      return;
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      producer.beginTransaction();
      for (T record : batch) {
        producer.send(encoder.encode(topic, record));
      }
      producer.sendOffsetsToTransaction(
          Map.of(
              markerPartition,
              new OffsetAndMetadata(
                  batch.index() + 1, MARKER_PREFIX + batch.index() + " time=" + batch.time())),
          markerGroup);
      // Sends every record, waits for all of them, then commits; a failed send fails the commit.
      producer.commitTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      throw new KafkaSinkException(
          "Kafka sink "
              + describe()
              + ": another writer started with the transactional id '"
              + options.id()
              + "' and fenced this one; batch "
              + batch.index()
              + " was not written by it. Two pipelines must not share a sink id",
          e);
    } catch (RuntimeException e) {
      abortQuietly(e);
      throw new KafkaSinkException(
          "Kafka sink " + describe() + " cannot write batch " + batch.index() + ": " + e, e);
    }
    committedIndex = batch.index();
    committedTime = batch.time();
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    encoder.close();
  }

  /** {@code TOPIC at SERVERS (id ID)}. */
  public String describe() {
    return topic + " at " + options.bootstrapServers() + " (id " + options.id() + ")";
  }

  /** Checks the set-up, starts the transactional producer and reads the last committed batch. */
  private void open() throws InterruptedException {
    Map<String, Object> config = new HashMap<>(options.producerProperties());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    try (Admin admin = Admin.create(AdminSettings.of(config, "sluice-sink-admin-" + topic))) {
      checkTopic(admin);
      checkTransactionTimeout(admin);
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.id());
      config.put(
          ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) options.transactionTimeout().toMillis());
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sluice-sink-" + topic);
      KafkaProducer<byte[], byte[]> started =
          new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
      try {
        // Fences every earlier producer with this id and aborts the transaction it left open, or
        // completes one it had decided to commit; only then is the marker below final.
        started.initTransactions();
        readMarker(admin);
        markerGroup = markerGroup(config);
      } catch (KafkaSinkException e) {
        started.close(Duration.ZERO);
        throw e;
      } catch (RuntimeException e) {
        // Such as a TimeoutException after max.block.ms when no broker answers.
        started.close(Duration.ZERO);
        throw failure("cannot start its transactional producer", e);
      }
      producer = started;
    }
  }

  /**
   * The marker group's metadata as Kafka's clients make it: from a consumer in that group that
   * never joins it, so no generation and no member id, as a standalone committer's.
   */
  private ConsumerGroupMetadata markerGroup(Map<String, Object> producer) {
    Map<String, Object> config = new HashMap<>();
    producer.forEach(
        (key, value) -> {
          if (ConsumerConfig.configNames().contains(key)) {
            config.put(key, value); // servers, security: connect as the producer does
          }
        });
    config.put(ConsumerConfig.GROUP_ID_CONFIG, options.id());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-sink-marker-" + topic);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return consumer.groupMetadata();
    }
  }

  private void checkTopic(Admin admin) throws InterruptedException {
    try {
      admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new KafkaSinkException(
            "Kafka sink "
                + describe()
                + ": topic '"
                + topic
                + "' does not exist; create it first (Sluice does not create output topics)");
      }
      throw failure("cannot describe the topic", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw failure("the broker did not answer within 30 s", e);
    }
  }

  private void checkTransactionTimeout(Admin admin) throws InterruptedException {
    Collection<Node> nodes = get(admin.describeCluster().nodes(), "cannot list the brokers");
    long limit = Long.MAX_VALUE;
    for (Node node : nodes) {
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
      Map<ConfigResource, Config> configs =
          get(admin.describeConfigs(Set.of(broker)).all(), "cannot read the broker's settings");
      ConfigEntry entry = configs.get(broker).get("transaction.max.timeout.ms");
      if (entry != null && entry.value() != null) {
        limit = Math.min(limit, Long.parseLong(entry.value()));
      }
    }
    long timeout = options.transactionTimeout().toMillis();
    if (timeout > limit) {
      throw new KafkaSinkException(
          "Kafka sink "
              + describe()
              + ": its transaction timeout, transaction.timeout.ms="
              + timeout
              + ", is above the broker's transaction.max.timeout.ms="
              + limit
              + "; lower it to at most "
              + limit
              + " or raise the broker's limit");
    }
  }

  private void readMarker(Admin admin) throws InterruptedException {
    // requireStable: offsets of a transaction still completing are waited for, never skipped.
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(
            admin
                .listConsumerGroupOffsets(
                    Map.of(options.id(), new ListConsumerGroupOffsetsSpec()),
                    new ListConsumerGroupOffsetsOptions().requireStable(true))
                .partitionsToOffsetAndMetadata(options.id()),
            "cannot read the sink's committed batch from group " + options.id());
    OffsetAndMetadata marker = offsets.get(markerPartition);
    if (marker == null) {
      return;
    }
    String metadata = marker.metadata();
    if (metadata == null || !metadata.startsWith(MARKER_PREFIX)) {
      throw new KafkaSinkException(
          "Kafka sink "
              + describe()
              + ": group "
              + options.id()
              + " holds an offset that Sluice did not write (metadata '"
              + metadata
              + "'); give the sink an id of its own");
    }
    String[] fields = metadata.substring(MARKER_PREFIX.length()).split(" time=");
    committedIndex = Long.parseLong(fields[0]);
    committedTime = Long.parseLong(fields[1]);
    log.info(
        "Kafka sink {}: the last batch committed by an earlier run is {} at {}",
        describe(),
        committedIndex,
        committedTime);
  }

  private void abortQuietly(RuntimeException cause) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private <R> R get(KafkaFuture<R> future, String what) throws InterruptedException {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw failure(what, e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw failure(what + ": the broker did not answer within 30 s", e);
    }
  }

  private KafkaSinkException failure(String what, Throwable cause) {
    return new KafkaSinkException("Kafka sink " + describe() + ": " + what + ": " + cause, cause);
  }
}
