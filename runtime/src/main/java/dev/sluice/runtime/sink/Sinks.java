package dev.sluice.runtime.sink;

import dev.sluice.api.Sink;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Factories for the built-in sinks, Spark Streaming's output operations: {@code print}, {@code
 * foreachRDD} and {@code saveAsTextFiles}.
 */
public final class Sinks {

  private Sinks() {}

  /** Prints the first 10 records of every batch to standard output, in Spark's format. */
  public static <T> Sink<T> print() {
    return print(10);
  }

  /** Prints the first {@code num} records of every batch to standard output, in Spark's format. */
  public static <T> Sink<T> print(int num) {
    return print(num, System.out);
  }

  /**
   * Prints the first {@code num} records of every batch to {@code out}, exactly like Spark
   * Streaming's {@code print(num)}: a line of 43 dashes, {@code Time: <ms> ms}, the dashes again,
   * the records one per line, {@code ...} if there are more, then an empty line.
   *
   * @throws IllegalArgumentException if {@code num} is negative
   */
  public static <T> Sink<T> print(int num, PrintStream out) {
    return new PrintSink<>(num, Objects.requireNonNull(out, "out"));
  }

  /**
   * Calls {@code consumer} with every batch's time and records (like Spark's {@code foreachRDD}),
   * also for empty batches. An exception from it fails the batch and stops the pipeline.
   */
  public static <T> Sink<T> foreachBatch(BatchConsumer<T> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return batch -> consumer.accept(batch.time(), batch.toList());
  }

  /**
   * Calls {@code consumer} with every batch's time, index and records, also for empty batches:
   * {@link #foreachBatch(BatchConsumer)} with the index, which identifies a batch across restarts
   * and so lets the consumer write idempotently ({@code (index, record)} as the key). An exception
   * from it fails the batch and stops the pipeline.
   */
  public static <T> Sink<T> foreachBatch(IndexedBatchConsumer<T> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return batch -> consumer.accept(batch.time(), batch.index(), batch.toList());
  }

  /** {@link #saveAsTextFiles(String, String)} without a suffix: {@code prefix-TIME_MS/}. */
  public static <T> Sink<T> saveAsTextFiles(String prefix) {
    return saveAsTextFiles(prefix, "");
  }

  /**
   * Writes every batch, also an empty one, as a directory {@code prefix-TIME_MS.suffix} (no {@code
   * .suffix} when {@code suffix} is empty) holding {@code part-00000}, {@code part-00001}, ... (one
   * per partition, each record's {@code toString()} on a line, UTF-8) and an empty {@code
   * _SUCCESS}, committed atomically by renaming a hidden temporary directory, so a reader never
   * sees half a batch. Rewriting a batch (a rerun) replaces its directory.
   *
   * @throws IllegalArgumentException if {@code prefix} does not end with a name or {@code suffix}
   *     contains a path separator
   */
  public static <T> Sink<T> saveAsTextFiles(String prefix, String suffix) {
    return new TextFilesSink<>(prefix, suffix);
  }

  /**
   * The sink a URI names, for command lines: {@code stdout} or {@code print:} for {@link #print()},
   * {@code file:///path/prefix} or {@code file:///path/prefix?suffix=ext} for {@link
   * #saveAsTextFiles(String, String)}; or a scheme a module on the class path installs ({@link
   * SinkScheme}), such as {@code kafka://host:port/topic} of {@code sluice-kafka}.
   *
   * @throws IllegalArgumentException if the URI is malformed or names no sink, with a message
   *     saying what would be right
   */
  public static <T> Sink<T> fromUri(String uri) {
    return SinkUri.parse(uri);
  }

  /**
   * How the URIs of the schemes that modules on the class path install ({@link SinkScheme}) are
   * named in help and errors: {@code " (installed: kafka://)"}, or an empty string when there are
   * none.
   */
  public static String installedSchemes() {
    return SinkSchemes.installed();
  }
}
