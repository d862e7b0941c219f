package dev.sluice.bench.spark;

import dev.sluice.bench.endtoend.Machine;
import dev.sluice.bench.endtoend.Results;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.bench.workload.HandWrittenWordCount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Tuple2;

/**
 * The end-to-end WordCount workload on Spark Streaming, for the comparison in the docs: the same
 * corpus and batches as Sluice's {@code EndToEnd} (50,000 lines a batch, the first ones warm-up),
 * {@code queueStream} one batch at a time, {@code local[2]}, and the same tokenizer. Each batch's
 * counts are summed on the executors ({@code values().fold}), which visits every count as Sluice's
 * sink does and checks that every word was counted.
 *
 * <p>The batch interval (100 ms) is shorter than a batch takes, so batches queue up and run back
 * to back; the rate is the measured words over the time from the first measured batch's
 * processing start to the last one's end, from Spark's own batch metrics. The hand-written
 * 1-thread loop runs in the same JVM first, so the ratio to it can be set beside Sluice's.
 *
 * <p>Usage: {@code SparkWordCount [--mode full|quick] [--out FILE]}; run through the Maven profile
 * {@code spark}, which adds the JVM flags Spark needs on JDK 17.
 */
public final class SparkWordCount {

  private SparkWordCount() {}

  /** Runs the workload; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Path out = Path.of("bench/results/spark.tsv");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mode" -> quick = args[++i].equals("quick");
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    int warmup = quick ? 3 : 10;
    int measured = quick ? 5 : 20;
    int threads = 2;
    Results results = new Results(System.out);
    String machine = Machine.describe();
    results.note("Spark Streaming WordCount (%s mode), %s", quick ? "quick" : "full", Instant.now());
    results.note("%s", machine);
    List<List<String>> batches = Corpus.standard().batches(warmup + measured);
    long measuredWords = (long) measured * Corpus.WORDS_PER_BATCH;

    double loop = handWrittenLoop(batches, warmup, measuredWords, quick ? 1 : 3);
    results.add("spark", 1, "hand-written loop", "words/s", loop, "words/s");

    double spark = spark(batches, warmup, measuredWords, threads);
    results.add("spark", threads, "spark streaming", "words/s", spark, "words/s");
    results.add("spark", threads, "spark streaming", "ratio to 1-thread loop", spark / loop, "x");
    results.write(out, (quick ? "quick" : "full") + " Spark " + org.apache.spark.package$.MODULE$
        .SPARK_VERSION() + " local[" + threads + "] run " + Instant.now() + " on " + machine);
    results.note("Wrote %s", out);
  }

  /** The median rate of the hand-written 1-thread loop over the measured batches. */
  private static double handWrittenLoop(List<List<String>> batches, int warmup,
      long measuredWords, int rounds) {
    double[] rates = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = 0;
      long words = 0;
      for (int b = 0; b < batches.size(); b++) {
        if (b == warmup) {
          start = System.nanoTime();
        }
        words += HandWrittenWordCount.words(HandWrittenWordCount.count(batches.get(b)));
      }
      rates[round] = measuredWords / ((System.nanoTime() - start) / 1e9);
      if (words != (long) batches.size() * Corpus.WORDS_PER_BATCH) {
        throw new IllegalStateException("the loop counted " + words + " words");
      }
    }
    Arrays.sort(rates);
    return rates[rounds / 2];
  }

  /** Spark Streaming's rate over the measured batches, at {@code local[threads]}. */
  private static double spark(List<List<String>> batches, int warmup, long measuredWords,
      int threads) throws InterruptedException {
    SparkConf conf = new SparkConf()
        .setMaster("local[" + threads + "]")
        .setAppName("sluice-bench-wordcount")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    JavaStreamingContext context = new JavaStreamingContext(conf, Durations.milliseconds(100));
    context.sparkContext().setLogLevel("WARN");
    BatchTimes times = new BatchTimes(batches.size());
    try {
      Queue<JavaRDD<String>> queue = new ArrayDeque<>();
      for (List<String> batch : batches) {
        queue.add(context.sparkContext().parallelize(batch, threads));
      }
      context.queueStream(queue, true)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1L))
          .reduceByKey(Long::sum)
          .foreachRDD(counts -> times.counted(counts.values().fold(0L, Long::sum)));
      context.addStreamingListener(times);
      context.start();
      if (!times.done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Spark did not finish the batches in 10 minutes");
      }
    } finally {
      context.stop(true, true); // graceful: lets the running batch finish
    }
    times.check();
    System.out.println("  processing ms per batch (warm-up first): " + times.durations());
    long millis = times.end(batches.size() - 1) - times.start(warmup);
    return measuredWords / (millis / 1e3);
  }

  /**
   * Spark's processing start and end of each data batch, and the words each counted.
   *
   * <p><b>Threads:</b> Spark's listener bus thread and its job thread call in, one batch at a
   * time each; the main thread reads after {@code done} opened.
   */
  private static final class BatchTimes implements StreamingListener {
    private final long[] starts;
    private final long[] ends;
    private final List<Long> words = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private int completed;

    BatchTimes(int batches) {
      this.starts = new long[batches];
      this.ends = new long[batches];
    }

    synchronized void counted(long batchWords) {
      words.add(batchWords);
    }

    @Override
    public synchronized void onBatchCompleted(StreamingListenerBatchCompleted event) {
      if (completed == starts.length) {
        return;
      }
      BatchInfo info = event.batchInfo();
      starts[completed] = (Long) info.processingStartTime().get();
      ends[completed] = (Long) info.processingEndTime().get();
      completed++;
      if (completed == starts.length) {
        done.countDown();
      }
    }

    synchronized long start(int batch) {
      return starts[batch];
    }

    synchronized long end(int batch) {
      return ends[batch];
    }

    synchronized List<Long> durations() {
      List<Long> durations = new ArrayList<>();
      for (int b = 0; b < starts.length; b++) {
        durations.add(ends[b] - starts[b]);
      }
      return durations;
    }

    synchronized void check() {
      for (int b = 0; b < starts.length; b++) {
        if (words.get(b) != Corpus.WORDS_PER_BATCH) {
          throw new IllegalStateException("batch " + b + " counted " + words.get(b) + " words");
        }
      }
    }
  }
}
