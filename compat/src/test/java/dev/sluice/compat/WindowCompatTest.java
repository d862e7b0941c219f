package dev.sluice.compat;

import dev.sluice.runtime.source.Sources;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.Tuple2;

/**
 * Window operators (window 4 / slide 2 and window 3 / slide 1) on Spark Streaming and on Sluice
 * ({@link WindowCompat}), compared batch by batch: 16 seeded input batches, then 5 empty ones so
 * that every window drains.
 */
@Timeout(300)
class WindowCompatTest {

  static final int INPUT_BATCHES = 16;
  static final int TOTAL_BATCHES = INPUT_BATCHES + 5;
  static final long INTERVAL_MS = 250;

  private static Map<String, SortedMap<Integer, List<String>>> spark;
  private static Map<String, SortedMap<Integer, List<String>>> sluice;

  @BeforeAll
  static void run() throws Exception {
    List<List<String>> input = Inputs.records(Inputs.seed(), INPUT_BATCHES);
    spark = SparkRun.run(List.of(input), TOTAL_BATCHES, INTERVAL_MS, true, WindowCompatTest::graph);
    sluice =
        SluiceRun.run(
            WindowCompatPipeline.builder().records(Sources.batches(input)), 2, TOTAL_BATCHES);
  }

  private static Duration batches(int n) {
    return new Duration(n * INTERVAL_MS);
  }

  private static void graph(List<JavaDStream<String>> inputs, SparkRun.Outputs out) {
    JavaDStream<String> records = inputs.get(0);
    JavaPairDStream<String, Long> pairs =
        records.mapToPair(r -> new Tuple2<>(Records.key(r), Records.value(r)));
    JavaPairDStream<String, Long> ones = records.mapToPair(r -> new Tuple2<>(Records.key(r), 1L));
    JavaDStream<String> keys = records.map(Records::key);
    JavaDStream<Long> values = records.map(Records::value);
    Function2<Long, Long, Long> sum = (a, b) -> a + b;
    Function2<Long, Long, Long> minus = (a, b) -> a - b;
    for (int[] shape : new int[][] {{4, 2}, {3, 1}}) {
      Duration window = batches(shape[0]);
      Duration slide = batches(shape[1]);
      String suffix = "" + shape[0] + shape[1] + "Out";
      out.collect("window" + suffix, records.window(window, slide));
      out.collect("sum" + suffix, pairs.reduceByKeyAndWindow(sum, window, slide));
      out.collect("inverse" + suffix, pairs.reduceByKeyAndWindow(sum, minus, window, slide));
      out.collect(
          "filteredCounts" + suffix,
          ones.reduceByKeyAndWindow(sum, minus, window, slide, 2, kv -> kv._2() > 0));
      out.collect("count" + suffix, records.countByWindow(window, slide));
      out.collect("max" + suffix, values.reduceByWindow(Math::max, window, slide));
      out.collect("frequencies" + suffix, keys.countByValueAndWindow(window, slide));
      out.collect(
          "groups" + suffix,
          pairs.groupByKeyAndWindow(window, slide).mapValues(vs -> Records.sorted(vs)));
    }
    out.collect("total42Out", values.reduceByWindow(sum, minus, batches(4), batches(2)));
  }

  @Test
  void window42() {
    Compare.ordered("window42Out", spark, sluice);
  }

  @Test
  void window31() {
    Compare.ordered("window31Out", spark, sluice);
  }

  @Test
  void reduceByKeyAndWindow42() {
    Compare.multisets("sum42Out", spark, sluice);
  }

  @Test
  void reduceByKeyAndWindow31() {
    Compare.multisets("sum31Out", spark, sluice);
  }

  @Test
  void reduceByKeyAndWindowInverse42() {
    Compare.multisets("inverse42Out", spark, sluice);
  }

  @Test
  void reduceByKeyAndWindowInverse31() {
    Compare.multisets("inverse31Out", spark, sluice);
  }

  @Test
  void reduceByKeyAndWindowInverseFilteredCounts42() {
    Compare.multisets("filteredCounts42Out", spark, sluice);
  }

  @Test
  void reduceByKeyAndWindowInverseFilteredCounts31() {
    Compare.multisets("filteredCounts31Out", spark, sluice);
  }

  @Test
  void countByWindow42() {
    Compare.ordered("count42Out", spark, sluice);
  }

  @Test
  void countByWindow31() {
    Compare.ordered("count31Out", spark, sluice);
  }

  @Test
  void reduceByWindow42() {
    Compare.ordered("max42Out", spark, sluice);
  }

  @Test
  void reduceByWindow31() {
    Compare.ordered("max31Out", spark, sluice);
  }

  @Test
  void reduceByWindowInverse42() {
    Compare.ordered("total42Out", spark, sluice);
  }

  @Test
  void countByValueAndWindow42() {
    Compare.multisets("frequencies42Out", spark, sluice);
  }

  @Test
  void countByValueAndWindow31() {
    Compare.multisets("frequencies31Out", spark, sluice);
  }

  @Test
  void groupByKeyAndWindow42() {
    Compare.multisets("groups42Out", spark, sluice);
  }

  @Test
  void groupByKeyAndWindow31() {
    Compare.multisets("groups31Out", spark, sluice);
  }
}
