package dev.sluice.kafka;

import dev.sluice.api.ReplayableSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;

/**
 * A direct Kafka source, like Spark's {@code KafkaUtils.createDirectStream}: no receiver thread;
 * each batch is a set of offset ranges, one per partition, fixed when the batch is planned and read
 * from the plan, so that a batch run again after a crash reads exactly the same records. Build one
 * with {@link KafkaSources#kafka(String, String)}.
 *
 * <p><b>Plan.</b> {@link #plan} asks the broker for each partition's end (with {@code
 * read_committed}, the default, the last stable offset, so a batch never waits on an open
 * transaction) and plans {@code [next, min(end, next + maxRecordsPerPartition))}. The plan holds
 * every partition of the topic, also those with an empty range, and goes to the batch log. A
 * partition that appears later starts at its earliest offset. Then, with a group, the planned
 * starts are committed to it (see {@link KafkaSourceBuilder#group}).
 *
 * <p><b>Read.</b> {@link #read} reads exactly the planned ranges: the records of the first
 * partition in offset order, then those of the next, partitions in topic then partition order. With
 * {@code read_committed}, offsets of aborted transactions and of transaction markers hold no
 * record, so a batch can hold fewer records than its ranges' sizes.
 *
 * <p><b>Faults.</b> A broker that does not answer while planning gives an empty batch (every range
 * empty, the positions kept) with one WARN and no stack trace, and is asked again at every batch
 * until it answers (then an INFO). A read waits for its records, with a WARN every {@code
 * stallWarning}, and fails after {@code readTimeout}. A missing or deleted topic fails the batch;
 * so does a record that does not deserialize (naming topic, partition, offset and its first bytes)
 * and an offset that is out of the partition's range, unless an {@link OutOfRangePolicy} says
 * otherwise.
 *
 * <p><b>Threads:</b> like every {@link ReplayableSource}, called by the driver thread only, never
 * concurrently; the consumer and the admin client are used from that thread. The only other thread
 * is the admin client's, which completes the asynchronous offset commits; it touches one volatile
 * flag and logs.
 *
 * @param <T> the type of the records
 */
public final class KafkaSource<T> implements ReplayableSource<T>, AutoCloseable {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final KafkaSourceBuilder options;
  private final String topic;
  private final RecordDecoder<T> decoder;
  private final Logger log;
  private final IsolationLevel isolation;
  private final Map<String, Object> consumerConfig;
  private final Map<String, Object> adminConfig;

  private Admin admin;
  private KafkaConsumer<byte[], byte[]> consumer;

  /** The next offset to plan per partition; empty until the first plan or resume sets it. */
  private final Map<TopicPartition, Long> next = new HashMap<>();

  private boolean started;
  private int silentPlans;
  private long lastSilenceWarning;
  private volatile boolean commitInFlight;
  private volatile boolean commitFailureLogged;
  private KafkaFuture<Void> lastCommit;

  KafkaSource(KafkaSourceBuilder options, RecordDecoder<T> decoder, Logger log) {
    this.options = options;
    this.topic = options.topic();
    this.decoder = decoder;
    this.log = log;
    Map<String, Object> consumer = new HashMap<>(options.consumerProperties());
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    consumer.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // The reading consumer joins no group: the plan says what to read, seeks set the positions,
    // and the source commits the planned offsets itself through the admin client.
    consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // A planned offset that is gone must fail the read, never jump elsewhere silently.
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    // Unique per instance: two sources of one topic in a JVM would clash in JMX otherwise.
    String clientId = "sluice-source-" + topic + "-" + INSTANCES.incrementAndGet();
    consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    this.consumerConfig = Map.copyOf(consumer);
    this.isolation =
        "read_uncommitted"
                .equals(String.valueOf(consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)))
            ? IsolationLevel.READ_UNCOMMITTED
            : IsolationLevel.READ_COMMITTED;
    this.adminConfig = AdminSettings.of(consumer, clientId + "-admin");
  }

  @Override
  public String describe() {
    return "kafka " + topic + " at " + options.bootstrapServers();
  }

  @Override
  public byte[] plan(long batchTimeMs) {
    List<OffsetRange> ranges;
    try {
      ranges = planFromBroker();
      if (silentPlans > 0) {
        log.info(
            "Kafka source {}: the broker answers again after {} empty batch{}",
            describe(),
            silentPlans,
            silentPlans == 1 ? "" : "es");
        silentPlans = 0;
      }
    } catch (BrokerSilent e) {
      brokerSilent(e.getMessage());
      ranges = standingStill();
    }
    for (OffsetRange range : ranges) {
      next.put(range.topicPartition(), range.until());
    }
    if (!ranges.isEmpty()) {
      started = true;
      commitStarts(ranges, batchTimeMs);
    }
    return OffsetRanges.encode(ranges);
  }

  @Override
  public void resume(long batchTimeMs, byte[] lastPlan) {
    for (OffsetRange range : OffsetRanges.decode(lastPlan)) {
      next.put(range.topicPartition(), range.until());
      started = true;
    }
  }

  @Override
  public List<T> read(long batchTimeMs, byte[] plan) {
    List<OffsetRange> ranges = new ArrayList<>();
    for (OffsetRange range : OffsetRanges.decode(plan)) {
      if (range.size() > 0) {
        ranges.add(range);
      }
    }
    if (ranges.isEmpty()) {
      return List.of();
    }
    return new RangeReader(ranges).read();
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    decoder.close();
  }

  /** The offset ranges of the next batch, from the broker's view of the topic now. */
  private List<OffsetRange> planFromBroker() throws BrokerSilent {
    List<TopicPartition> partitions = partitions();
    Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(), isolation);
    Map<TopicPartition, Long> begins =
        offsets(partitions, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    Map<TopicPartition, Long> starts = started ? Map.of() : initialStarts(partitions, begins, ends);
    List<OffsetRange> ranges = new ArrayList<>(partitions.size());
    for (TopicPartition partition : partitions) {
      long begin = begins.get(partition);
      long end = ends.get(partition);
      Long planned = next.get(partition);
      long from = planned != null ? planned : starts.getOrDefault(partition, begin);
      if (from < begin || from > end) {
        from = outOfRange(partition, from, begin, end);
      }
      long until = from + Math.min(options.maxRecordsPerPartition(), end - from);
      ranges.add(new OffsetRange(partition.topic(), partition.partition(), from, until));
    }
    return ranges;
  }

  /** The first plan's starts, by the {@link StartingOffsets} option. */
  private Map<TopicPartition, Long> initialStarts(
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> begins,
      Map<TopicPartition, Long> ends)
      throws BrokerSilent {
    return switch (options.startingOffsets()) {
      case EARLIEST -> begins;
      case LATEST -> ends;
      case COMMITTED -> {
        Map<TopicPartition, OffsetAndMetadata> committed =
            await(
                admin()
                    .listConsumerGroupOffsets(
                        options.group(),
                        new ListConsumerGroupOffsetsOptions().timeoutMs((int) timeoutMs()))
                    .partitionsToOffsetAndMetadata(),
                "the committed offsets of group " + options.group());
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (TopicPartition partition : partitions) {
          OffsetAndMetadata offset = committed.get(partition);
          starts.put(partition, offset == null ? begins.get(partition) : offset.offset());
        }
        yield starts;
      }
    };
  }

  private long outOfRange(TopicPartition partition, long from, long begin, long end) {
    String where =
        "the next offset of "
            + partition
            + ", "
            + from
            + ", is out of the partition's range ["
            + begin
            + ", "
            + end
            + ")"
            + (from < begin
                ? ": retention deleted offsets [" + from + ", " + begin + ")"
                : ": the partition is shorter than before (was the topic recreated?)");
    return switch (options.onOutOfRange()) {
      case FAIL ->
          throw new KafkaSourceException(
              "Kafka source "
                  + describe()
                  + ": "
                  + where
                  + "; set onOutOfRange=earliest or onOutOfRange=latest to go on from there");
      case EARLIEST -> {
        log.warn(
            "Kafka source {}: {}; going on at the earliest offset, {}", describe(), where, begin);
        yield begin;
      }
      case LATEST -> {
        log.warn("Kafka source {}: {}; going on at the end, {}", describe(), where, end);
        yield end;
      }
    };
  }

  /** The topic's partitions, sorted. */
  private List<TopicPartition> partitions() throws BrokerSilent {
    Map<String, TopicDescription> topics =
        await(
            admin()
                .describeTopics(
                    List.of(topic),
                    new org.apache.kafka.clients.admin.DescribeTopicsOptions()
                        .timeoutMs((int) timeoutMs()))
                .allTopicNames(),
            "the partitions of " + topic);
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicPartitionInfo info : topics.get(topic).partitions()) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    return partitions;
  }

  private Map<TopicPartition, Long> offsets(
      Collection<TopicPartition> partitions, OffsetSpec spec, IsolationLevel level)
      throws BrokerSilent {
    Map<TopicPartition, OffsetSpec> request = new TreeMap<>(KafkaSource::compare);
    for (TopicPartition partition : partitions) {
      request.put(partition, spec);
    }
    var result =
        await(
            admin()
                .listOffsets(request, new ListOffsetsOptions(level).timeoutMs((int) timeoutMs()))
                .all(),
            "the offsets of " + topic);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    result.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  /** Waits for an admin call; a timeout means the broker is silent, an unknown topic fails. */
  private <R> R await(KafkaFuture<R> future, String what) throws BrokerSilent {
    try {
      return future.get(timeoutMs() + 1000L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaSourceException("interrupted while asking for " + what, e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new BrokerSilent(TimeoutException.class.getSimpleName());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException) {
        throw new BrokerSilent(cause.getClass().getSimpleName());
      }
      if (cause instanceof UnknownTopicOrPartitionException) {
        throw new KafkaSourceException(
            "Kafka source "
                + describe()
                + ": topic '"
                + topic
                + "' "
                + (started
                    ? "was deleted; its records cannot be read any more"
                    : "does not exist; create it first (Sluice does not create input topics)"));
      }
      throw new KafkaSourceException(
          "Kafka source " + describe() + " cannot get " + what + ": " + cause, cause);
    }
  }

  private void brokerSilent(String reason) {
    silentPlans++;
    long now = System.nanoTime();
    String text =
        "Kafka source {}: the broker did not answer within {} ms ({}); planning empty batches and"
            + " asking again at every batch";
    if (silentPlans == 1) {
      lastSilenceWarning = now;
      log.warn(text, describe(), timeoutMs(), reason);
    } else if (now - lastSilenceWarning >= TimeUnit.MINUTES.toNanos(1)) {
      lastSilenceWarning = now;
      log.warn(
          "Kafka source {}: the broker still does not answer ({} empty batches so far)",
          describe(),
          silentPlans);
    } else {
      log.debug(text, describe(), timeoutMs(), reason);
    }
  }

  /** Empty ranges at the known positions: a batch that reads nothing and moves nothing. */
  private List<OffsetRange> standingStill() {
    List<OffsetRange> ranges = new ArrayList<>(next.size());
    next.entrySet().stream()
        .sorted((a, b) -> compare(a.getKey(), b.getKey()))
        .forEach(
            e ->
                ranges.add(
                    new OffsetRange(
                        e.getKey().topic(), e.getKey().partition(), e.getValue(), e.getValue())));
    return ranges;
  }

  /**
   * Commits the planned starts to the group so that lag tools see the pipeline's position;
   * asynchronous, and skipped while the previous commit is still in flight (the next plan commits
   * newer offsets), so commits never land out of order and never hold the driver up.
   */
  private void commitStarts(List<OffsetRange> ranges, long batchTimeMs) {
    if (options.group() == null || commitInFlight) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    String metadata = "sluice planned batch " + batchTimeMs;
    for (OffsetRange range : ranges) {
      offsets.put(range.topicPartition(), new OffsetAndMetadata(range.from(), metadata));
    }
    commitInFlight = true;
    lastCommit =
        admin()
            .alterConsumerGroupOffsets(options.group(), offsets)
            .all()
            .whenComplete(
                (ignored, failure) -> {
                  // On the admin client's thread: only the flag and a log line.
                  if (failure != null && !commitFailureLogged) {
                    commitFailureLogged = true;
                    log.warn(
                        "Kafka source {}: cannot commit the planned offsets to group {} ({}); lag"
                            + " tools will show an old position. Reading is not affected",
                        describe(),
                        options.group(),
                        failure.getMessage());
                  }
                  commitInFlight = false;
                });
  }

  /** Waits for the last commit of planned offsets to complete: for tests. */
  void awaitCommit() throws Exception {
    if (lastCommit != null) {
      lastCommit.get(timeoutMs(), TimeUnit.MILLISECONDS);
    }
  }

  private long timeoutMs() {
    return options.brokerTimeout().toMillis();
  }

  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    return admin;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      consumer =
          new KafkaConsumer<>(
              consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
    return consumer;
  }

  static int compare(TopicPartition a, TopicPartition b) {
    int byTopic = a.topic().compareTo(b.topic());
    return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
  }

  /** The broker did not answer in time. */
  private static final class BrokerSilent extends Exception {
    private static final long serialVersionUID = 1L;

    BrokerSilent(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Reads one batch's ranges with the source's consumer. */
  private final class RangeReader {
    private final List<OffsetRange> ranges;
    private final KafkaConsumer<byte[], byte[]> consumer = consumer();
    private final String source = describe();

    RangeReader(List<OffsetRange> ranges) {
      this.ranges = ranges;
    }

    List<T> read() {
      Map<TopicPartition, OffsetRange> open = new HashMap<>();
      Map<TopicPartition, List<T>> records = new HashMap<>();
      for (OffsetRange range : ranges) {
        open.put(range.topicPartition(), range);
        records.put(range.topicPartition(), new ArrayList<>());
      }
      if (!consumer.assignment().equals(open.keySet())) {
        consumer.assign(open.keySet());
      }
      for (OffsetRange range : ranges) {
        consumer.seek(range.topicPartition(), range.from());
      }
      long start = System.nanoTime();
      long lastProgress = start;
      long lastWarning = start;
      long stallWarning = options.stallWarning().toNanos();
      long readTimeout = options.readTimeout().toNanos();
      while (!open.isEmpty()) {
        boolean progress = false;
        try {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(options.pollTimeout())) {
            OffsetRange range = open.get(new TopicPartition(record.topic(), record.partition()));
            if (range != null
                && record.offset() >= range.from()
                && record.offset() < range.until()) {
              records.get(range.topicPartition()).add(decoder.decode(record));
              progress = true;
            }
          }
        } catch (OffsetOutOfRangeException e) {
          throw new KafkaSourceException(
              "Kafka source "
                  + source
                  + ": the planned offsets "
                  + rangesOf(e.offsetOutOfRangePartitions().keySet(), open)
                  + " are no longer in the topic (retention deleted them, or the topic was"
                  + " recreated); this batch cannot be read as planned",
              e);
        }
        List<TopicPartition> done = new ArrayList<>();
        for (OffsetRange range : open.values()) {
          if (consumer.position(range.topicPartition()) >= range.until()) {
            done.add(range.topicPartition());
          }
        }
        if (!done.isEmpty()) {
          // Stop fetching what this batch no longer needs; the next read seeks anew.
          consumer.pause(done);
          done.forEach(open::remove);
          progress = true;
        }
        long now = System.nanoTime();
        if (progress) {
          lastProgress = now;
        } else if (now - lastProgress >= readTimeout) {
          throw new KafkaSourceException(
              "Kafka source "
                  + source
                  + ": no records of "
                  + open.values()
                  + " within "
                  + options.readTimeout().toMillis()
                  + " ms; is the broker down? (readTimeout)");
        } else if (now - lastWarning >= stallWarning && now - lastProgress >= stallWarning) {
          lastWarning = now;
          log.warn(
              "Kafka source {}: still waiting for {} after {} ms; is the broker down?",
              source,
              open.values(),
              TimeUnit.NANOSECONDS.toMillis(now - lastProgress));
        }
      }
      consumer.resume(consumer.paused());
      List<T> all = new ArrayList<>();
      for (OffsetRange range : ranges) {
        all.addAll(records.get(range.topicPartition()));
      }
      return all;
    }

    private static String rangesOf(
        Set<TopicPartition> partitions, Map<TopicPartition, OffsetRange> open) {
      List<String> names = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        OffsetRange range = open.get(partition);
        names.add(range != null ? range.toString() : partition.toString());
      }
      names.sort(String::compareTo);
      return String.join(", ", names);
    }
  }
}
