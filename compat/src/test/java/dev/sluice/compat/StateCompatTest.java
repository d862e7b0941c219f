package dev.sluice.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.source.Sources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.Tuple2;

/**
 * State operators on Spark Streaming (checkpointed) and on Sluice ({@link StateCompat}), compared
 * batch by batch: 14 seeded input batches, then empty ones up to 22 batches, so that idle keys time
 * out at the full scans of batches 9 and 19 (Spark scans when it checkpoints the state stream,
 * every 10 batches by default).
 */
@Timeout(300)
class StateCompatTest {

  static final int INPUT_BATCHES = 14;
  static final int TOTAL_BATCHES = 22;
  static final long INTERVAL_MS = 250;

  private static Map<String, SortedMap<Integer, List<String>>> spark;
  private static Map<String, SortedMap<Integer, List<String>>> sluice;

  @BeforeAll
  static void run() throws Exception {
    List<List<String>> input = Inputs.records(Inputs.seed() + 1, INPUT_BATCHES);
    // One input partition: a single map task keeps each key's records in input order.
    spark =
        SparkRun.run(List.of(input), 1, TOTAL_BATCHES, INTERVAL_MS, true, StateCompatTest::graph);
    sluice =
        SluiceRun.run(
            StateCompatPipeline.builder().records(Sources.batches(input)), 2, TOTAL_BATCHES);
  }

  private static void graph(List<JavaDStream<String>> inputs, SparkRun.Outputs out) {
    JavaPairDStream<String, Long> pairs =
        inputs.get(0).mapToPair(r -> new Tuple2<>(Records.key(r), Records.value(r)));
    out.collect(
        "totalsOut",
        pairs.updateStateByKey(
            (List<Long> values, org.apache.spark.api.java.Optional<Long> state) ->
                spark(StateFunctions.total(values, java(state)))));
    JavaMapWithStateDStream<String, Long, Long, String> sessions =
        pairs.mapWithState(
            StateSpec.function(StateCompatTest::session).timeout(new Duration(3 * INTERVAL_MS)));
    out.collect("sessionsOut", sessions);
    out.collect("snapshotsOut", sessions.stateSnapshots());
  }

  /** The function of {@link StateCompat#sessions} on Spark's types. */
  private static String session(
      String key, org.apache.spark.api.java.Optional<Long> value, State<Long> state) {
    if (state.isTimingOut()) {
      return key + " timed out at " + state.get();
    }
    long v = value.get();
    if (v == 0 && state.exists()) {
      state.remove();
      return key + " removed";
    }
    long sum = (state.exists() ? state.get() : 0L) + v;
    state.update(sum);
    return key + "=" + sum;
  }

  private static <T> Optional<T> java(org.apache.spark.api.java.Optional<T> optional) {
    return optional.isPresent() ? Optional.of(optional.get()) : Optional.empty();
  }

  private static <T> org.apache.spark.api.java.Optional<T> spark(Optional<T> optional) {
    return optional.isPresent()
        ? org.apache.spark.api.java.Optional.of(optional.get())
        : org.apache.spark.api.java.Optional.empty();
  }

  @Test
  void updateStateByKey() {
    Compare.multisets("totalsOut", spark, sluice);
  }

  @Test
  void mapWithStateWithTimeout() {
    Compare.multisets("sessionsOut", spark, sluice);
    assertTrue(
        spark.get("sessionsOut").values().stream()
            .flatMap(List::stream)
            .anyMatch(record -> record.contains(" timed out at ")),
        "the input made some key time out on Spark");
  }

  @Test
  void mapWithStateSnapshots() {
    Compare.multisets("snapshotsOut", spark, sluice);
  }
}
