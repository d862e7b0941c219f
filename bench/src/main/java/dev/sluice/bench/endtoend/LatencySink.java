package dev.sluice.bench.endtoend;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.bench.workload.Corpus;
import org.HdrHistogram.Histogram;

/**
 * The sink of the latency benchmark: when a batch's counts arrive, each line of that batch has
 * become visible, and its latency is now minus its due time at the source.
 *
 * <p>Which lines a batch holds follows from the counts themselves: one receiver stores the lines in
 * order, so batches hold consecutive runs of them, and every line has exactly {@link
 * Corpus#WORDS_PER_LINE} words, so the sum of a batch's counts says how many lines it took. The
 * benchmark changes nothing in the records to learn this.
 *
 * <p><b>Threads:</b> {@link #write} is called by the engine, one batch at a time; the other methods
 * by the benchmark after the pipeline stopped (its termination publishes the histogram), except
 * {@link #linesSeen} and {@link #measuring}, which any thread may poll.
 */
final class LatencySink implements Sink<KV<String, Long>> {

  private final PacedLines source;
  private final int warmupLines;
  private final Histogram latency = new Histogram(3_600_000_000_000L, 3);
  private long lines;
  private volatile long published;
  private int batches;

  /** Records the latency of every line after the first {@code warmupLines}. */
  LatencySink(PacedLines source, int warmupLines) {
    this.source = source;
    this.warmupLines = warmupLines;
  }

  @Override
  public void write(Batch<KV<String, Long>> batch) {
    long now = System.nanoTime();
    long words = 0;
    for (int p = 0, n = batch.partitionCount(); p < n; p++) {
      for (KV<String, Long> count : batch.partition(p)) {
        words += count.value();
      }
    }
    if (words % Corpus.WORDS_PER_LINE != 0) {
      throw new IllegalStateException(words + " words is not a whole number of lines");
    }
    long end = lines + words / Corpus.WORDS_PER_LINE;
    for (long i = Math.max(lines, warmupLines); i < end; i++) {
      latency.recordValue(now - source.dueNanos((int) i));
    }
    if (lines >= warmupLines && words > 0) {
      batches++;
    }
    lines = end;
    published = end;
  }

  /** Whether lines after the warm-up have become visible; any thread. */
  boolean measuring() {
    return published > warmupLines;
  }

  /** How many lines have become visible so far. */
  long linesSeen() {
    return published;
  }

  /** Line latencies after the warm-up, in nanoseconds. */
  Histogram latency() {
    return latency;
  }

  /** Non-empty batches after the warm-up. */
  int batches() {
    return batches;
  }
}
