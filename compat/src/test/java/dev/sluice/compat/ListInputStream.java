package dev.sluice.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.InputDStream;
import scala.Option;
import scala.reflect.ClassTag$;

/**
 * A Spark input stream giving batch {@code i} (counted from the first batch after start) the {@code
 * i}-th list, then empty batches: {@code queueStream(queue, oneAtATime = true)} with every batch
 * queued before start, but checkpointable, which Spark's queue stream refuses to be (its inverse
 * windows and state operators need checkpointing).
 */
// Spark Streaming is deprecated in Spark 4; it is still the reference Sluice is checked against.
@SuppressWarnings("deprecation")
final class ListInputStream extends InputDStream<String> {

  private static final long serialVersionUID = 1L;

  private final ArrayList<ArrayList<String>> batches = new ArrayList<>();
  private final int partitions;

  /** A stream over {@code batches}, each made into an RDD of {@code partitions} partitions. */
  ListInputStream(StreamingContext ssc, List<List<String>> batches, int partitions) {
    super(ssc, ClassTag$.MODULE$.apply(String.class));
    for (List<String> batch : batches) {
      this.batches.add(new ArrayList<>(batch));
    }
    this.partitions = partitions;
  }

  @Override
  public void start() {}

  @Override
  public void stop() {}

  @Override
  public Option<RDD<String>> compute(Time validTime) {
    long index =
        (validTime.milliseconds() - zeroTime().milliseconds()) / slideDuration().milliseconds() - 1;
    List<String> batch = index < batches.size() ? batches.get((int) index) : List.of();
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(context().sparkContext());
    return Option.apply(spark.parallelize(batch, partitions).rdd());
  }
}
