package dev.sluice.compat;

import dev.sluice.runtime.source.Sources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.Tuple2;

/**
 * Narrow operators on Spark Streaming ({@code queueStream}) and on Sluice ({@link NarrowCompat}),
 * compared batch by batch and, where Spark defines it, in order: 16 seeded batches of lines (empty
 * lines, leading, trailing and double spaces) and of records, then 2 empty ones.
 */
@Timeout(300)
class NarrowCompatTest {

  static final int INPUT_BATCHES = 16;
  static final int TOTAL_BATCHES = INPUT_BATCHES + 2;
  static final long INTERVAL_MS = 200;

  private static Map<String, SortedMap<Integer, List<String>>> spark;
  private static Map<String, SortedMap<Integer, List<String>>> sluice;

  @BeforeAll
  static void run() throws Exception {
    List<List<String>> lines = Inputs.lines(Inputs.seed() + 4, INPUT_BATCHES);
    List<List<String>> lefts = Inputs.records(Inputs.seed() + 5, INPUT_BATCHES);
    List<List<String>> rights = Inputs.records(Inputs.seed() + 6, INPUT_BATCHES);
    spark =
        SparkRun.run(
            List.of(lines, lefts, rights),
            TOTAL_BATCHES,
            INTERVAL_MS,
            false,
            NarrowCompatTest::graph);
    sluice =
        SluiceRun.run(
            NarrowCompatPipeline.builder()
                .lines(Sources.batches(lines))
                .lefts(Sources.batches(lefts))
                .rights(Sources.batches(rights)),
            2,
            TOTAL_BATCHES);
  }

  private static void graph(List<JavaDStream<String>> inputs, SparkRun.Outputs out) {
    JavaDStream<String> words = inputs.get(0).flatMap(l -> Arrays.asList(l.split(" ")).iterator());
    JavaDStream<String> lefts = inputs.get(1);
    JavaPairDStream<String, Long> pairs =
        lefts.mapToPair(r -> new Tuple2<>(Records.key(r), Records.value(r)));
    out.collect("wordsOut", words);
    out.collect("bracketedOut", words.map(w -> "<" + w + ">"));
    out.collect("nonEmptyOut", words.filter(w -> !w.isEmpty()));
    out.collect("tenfoldOut", pairs.mapValues(v -> v * 10));
    out.collect(
        "belowOut",
        pairs.flatMapValues(
            v -> {
              List<Long> below = new ArrayList<>();
              for (long i = 0; i < v; i++) {
                below.add(i);
              }
              return below.iterator();
            }));
    out.collect("unionOut", lefts.union(inputs.get(2)));
    out.collect(
        "knownOut",
        lefts.transform(rdd -> rdd.filter(r -> NarrowCompat.KNOWN.contains(Records.key(r)))));
    out.collect("repartitionOut", lefts.repartition(3));
  }

  @Test
  void flatMapSplit() {
    Compare.ordered("wordsOut", spark, sluice);
  }

  @Test
  void map() {
    Compare.ordered("bracketedOut", spark, sluice);
  }

  @Test
  void filter() {
    Compare.ordered("nonEmptyOut", spark, sluice);
  }

  @Test
  void mapValues() {
    Compare.ordered("tenfoldOut", spark, sluice);
  }

  @Test
  void flatMapValues() {
    Compare.ordered("belowOut", spark, sluice);
  }

  @Test
  void union() {
    Compare.ordered("unionOut", spark, sluice);
  }

  @Test
  void transform() {
    Compare.ordered("knownOut", spark, sluice);
  }

  /** Spark's order after a repartition is unspecified: compared as multisets. */
  @Test
  void repartition() {
    Compare.multisets("repartitionOut", spark, sluice);
  }
}
