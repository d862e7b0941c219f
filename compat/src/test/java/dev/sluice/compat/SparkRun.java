package dev.sluice.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Runs a Spark Streaming graph on the shared context over input batches, batch {@code i} getting
 * input {@code i}, and collects what each output is given, per batch index.
 *
 * <p>Without checkpointing the inputs are {@code queueStream(queue, oneAtATime = true)} with every
 * batch queued before start; with it (inverse windows, state) they are {@link ListInputStream}s,
 * which feed the same batches. The run ends when a last output operation on the first input has
 * seen {@code totalBatches} batches: output operations of one batch run in registration order, so
 * every output has then been given its batches up to that one.
 *
 * <p>Concurrency: Spark's job thread calls the collecting functions; they write to concurrent maps
 * that the test thread reads after the streaming context has stopped.
 */
// Spark Streaming is deprecated in Spark 4; it is still the reference Sluice is checked against.
@SuppressWarnings("deprecation")
final class SparkRun {

  /** Builds the graph under test: operators over {@code inputs}, outputs on {@code out}. */
  @FunctionalInterface
  interface Graph {
    /** Adds the operators and their outputs. */
    void build(List<JavaDStream<String>> inputs, Outputs out);
  }

  /** Registers output operations that collect each batch's records as their texts. */
  static final class Outputs {
    private final String run;

    private Outputs(String run) {
      this.run = run;
    }

    /** Collects every batch of {@code stream} under {@code name}. */
    void collect(String name, JavaDStream<?> stream) {
      String key = run + "/" + name;
      RECORDS.put(key, new ConcurrentSkipListMap<>());
      collectInto(key, stream);
    }

    private static <T> void collectInto(String key, JavaDStream<T> stream) {
      stream.foreachRDD((rdd, time) -> record(key, time.milliseconds(), rdd.collect()));
    }

    /** Collects every batch of {@code stream} under {@code name}. */
    void collect(String name, JavaPairDStream<?, ?> stream) {
      collect(name, stream.toJavaDStream());
    }
  }

  private static final Map<String, ConcurrentSkipListMap<Long, List<String>>> RECORDS =
      new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> DONE = new ConcurrentHashMap<>();
  private static final AtomicLong RUNS = new AtomicLong();

  private SparkRun() {}

  private static void record(String key, long time, List<?> records) {
    List<String> texts = new ArrayList<>(records.size());
    for (Object record : records) {
      texts.add(String.valueOf(record));
    }
    RECORDS.get(key).put(time, texts);
  }

  private static void tick(String run, long time) {
    RECORDS.get(run + "/").put(time, List.of());
    DONE.get(run).countDown();
  }

  /**
   * Runs {@code graph} over {@code inputs} (one list of batches per input) with batches of {@code
   * intervalMs}, for {@code totalBatches} batches, and returns each output's records per batch
   * index that produced output. Each input batch is an RDD of two partitions.
   */
  static Map<String, SortedMap<Integer, List<String>>> run(
      List<List<List<String>>> inputs,
      int totalBatches,
      long intervalMs,
      boolean checkpoint,
      Graph graph)
      throws InterruptedException {
    return run(inputs, 2, totalBatches, intervalMs, checkpoint, graph);
  }

  /** As {@link #run(List, int, long, boolean, Graph)}, with input RDDs of {@code partitions}. */
  static Map<String, SortedMap<Integer, List<String>>> run(
      List<List<List<String>>> inputs,
      int partitions,
      int totalBatches,
      long intervalMs,
      boolean checkpoint,
      Graph graph)
      throws InterruptedException {
    String run = "run" + RUNS.incrementAndGet();
    JavaStreamingContext ssc =
        new JavaStreamingContext(SharedSpark.context(), new Duration(intervalMs));
    Path checkpointDir = null;
    if (checkpoint) {
      try {
        checkpointDir = Files.createTempDirectory("sluice-compat-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ssc.checkpoint(checkpointDir.toString());
    }
    List<JavaDStream<String>> streams = new ArrayList<>();
    for (List<List<String>> batches : inputs) {
      if (checkpoint) {
        streams.add(
            new JavaDStream<>(
                new ListInputStream(ssc.ssc(), batches, partitions),
                scala.reflect.ClassTag$.MODULE$.apply(String.class)));
      } else {
        LinkedList<JavaRDD<String>> queue = new LinkedList<>();
        for (List<String> batch : batches) {
          queue.add(SharedSpark.context().parallelize(batch, partitions));
        }
        streams.add(ssc.queueStream(queue, true));
      }
    }
    Outputs outputs = new Outputs(run);
    graph.build(streams, outputs);
    RECORDS.put(run + "/", new ConcurrentSkipListMap<>());
    DONE.put(run, new CountDownLatch(totalBatches));
    streams.get(0).foreachRDD((rdd, time) -> tick(run, time.milliseconds()));
    ssc.start();
    try {
      assertTrue(
          DONE.get(run).await(120, TimeUnit.SECONDS), "Spark ran " + totalBatches + " batches");
    } finally {
      ssc.stop(false, true);
      if (checkpointDir != null) {
        deleteRecursively(checkpointDir);
      }
    }
    long zero = RECORDS.get(run + "/").firstKey();
    Map<String, SortedMap<Integer, List<String>>> byOutput = new TreeMap<>();
    String prefix = run + "/";
    for (Map.Entry<String, ConcurrentSkipListMap<Long, List<String>>> output : RECORDS.entrySet()) {
      if (!output.getKey().startsWith(prefix) || output.getKey().equals(prefix)) {
        continue;
      }
      SortedMap<Integer, List<String>> batches = new TreeMap<>();
      for (Map.Entry<Long, List<String>> batch : output.getValue().entrySet()) {
        int index = (int) ((batch.getKey() - zero) / intervalMs);
        if (index < totalBatches) {
          batches.put(index, batch.getValue());
        }
      }
      byOutput.put(output.getKey().substring(prefix.length()), batches);
    }
    RECORDS.keySet().removeIf(key -> key.startsWith(prefix));
    DONE.remove(run);
    return byOutput;
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
