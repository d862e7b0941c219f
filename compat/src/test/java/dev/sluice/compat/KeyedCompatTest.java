package dev.sluice.compat;

import dev.sluice.runtime.source.Sources;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.Tuple2;

/**
 * Per-batch aggregations and joins on Spark Streaming ({@code queueStream}) and on Sluice ({@link
 * KeyedCompat}), compared batch by batch: 16 seeded batches on each of two inputs, then 2 empty
 * ones.
 */
@Timeout(300)
class KeyedCompatTest {

  static final int INPUT_BATCHES = 16;
  static final int TOTAL_BATCHES = INPUT_BATCHES + 2;
  static final long INTERVAL_MS = 250;

  private static Map<String, SortedMap<Integer, List<String>>> spark;
  private static Map<String, SortedMap<Integer, List<String>>> sluice;

  @BeforeAll
  static void run() throws Exception {
    List<List<String>> lefts = Inputs.records(Inputs.seed() + 2, INPUT_BATCHES);
    List<List<String>> rights = Inputs.records(Inputs.seed() + 3, INPUT_BATCHES);
    spark =
        SparkRun.run(
            List.of(lefts, rights), TOTAL_BATCHES, INTERVAL_MS, false, KeyedCompatTest::graph);
    sluice =
        SluiceRun.run(
            KeyedCompatPipeline.builder()
                .lefts(Sources.batches(lefts))
                .rights(Sources.batches(rights)),
            2,
            TOTAL_BATCHES);
  }

  private static void graph(List<JavaDStream<String>> inputs, SparkRun.Outputs out) {
    JavaDStream<String> lefts = inputs.get(0);
    JavaPairDStream<String, Long> left =
        lefts.mapToPair(r -> new Tuple2<>(Records.key(r), Records.value(r)));
    JavaPairDStream<String, Long> right =
        inputs.get(1).mapToPair(r -> new Tuple2<>(Records.key(r), Records.value(r)));
    out.collect("countOut", lefts.count());
    out.collect("countByValueOut", lefts.map(Records::key).countByValue());
    out.collect("reduceOut", lefts.map(Records::value).reduce((a, b) -> a + b));
    out.collect("reduceByKeyOut", left.reduceByKey((a, b) -> a + b));
    out.collect("groupByKeyOut", left.groupByKey().mapValues(vs -> Records.sorted(vs)));
    out.collect(
        "combineByKeyOut",
        left.combineByKey(
            v -> v * 10 + 1, (c, v) -> c + v * 10 + 1, (a, b) -> a + b, new HashPartitioner(2)));
    out.collect("joinOut", left.join(right));
    out.collect("leftOuterJoinOut", left.leftOuterJoin(right));
    out.collect("rightOuterJoinOut", left.rightOuterJoin(right));
    out.collect("fullOuterJoinOut", left.fullOuterJoin(right));
    out.collect(
        "cogroupOut",
        left.cogroup(right)
            .mapValues(lr -> new Tuple2<>(Records.sorted(lr._1()), Records.sorted(lr._2()))));
  }

  @Test
  void count() {
    Compare.ordered("countOut", spark, sluice);
  }

  @Test
  void countByValue() {
    Compare.multisets("countByValueOut", spark, sluice);
  }

  @Test
  void reduce() {
    Compare.ordered("reduceOut", spark, sluice);
  }

  @Test
  void reduceByKey() {
    Compare.multisets("reduceByKeyOut", spark, sluice);
  }

  @Test
  void groupByKey() {
    Compare.multisets("groupByKeyOut", spark, sluice);
  }

  @Test
  void combineByKey() {
    Compare.multisets("combineByKeyOut", spark, sluice);
  }

  @Test
  void join() {
    Compare.multisets("joinOut", spark, sluice);
  }

  @Test
  void leftOuterJoin() {
    Compare.multisets("leftOuterJoinOut", spark, sluice);
  }

  @Test
  void rightOuterJoin() {
    Compare.multisets("rightOuterJoinOut", spark, sluice);
  }

  @Test
  void fullOuterJoin() {
    Compare.multisets("fullOuterJoinOut", spark, sluice);
  }

  @Test
  void cogroup() {
    Compare.multisets("cogroupOut", spark, sluice);
  }
}
