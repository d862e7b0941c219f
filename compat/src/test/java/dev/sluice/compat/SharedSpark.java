package dev.sluice.compat;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one Spark context ({@code local[2]}) of the test JVM, made on first use and stopped when the
 * JVM exits: every comparison run makes its own streaming context on it.
 *
 * <p>Concurrency: {@link #context()} is synchronized; JUnit calls it from its one test thread.
 */
final class SharedSpark {

  private static JavaSparkContext context;

  private SharedSpark() {}

  /** The shared context, made on the first call. */
  static synchronized JavaSparkContext context() {
    if (context == null) {
      SparkConf conf =
          new SparkConf()
              .setMaster("local[2]")
              .setAppName("sluice-compat")
              .set("spark.ui.enabled", "false")
              .set("spark.driver.host", "127.0.0.1")
              .set("spark.driver.bindAddress", "127.0.0.1")
              .set("spark.sql.shuffle.partitions", "2");
      context = new JavaSparkContext(conf);
      JavaSparkContext made = context;
      Runtime.getRuntime().addShutdownHook(new Thread(made::stop));
    }
    return context;
  }
}
