package dev.sluice.bench.jmh;

import dev.sluice.bench.workload.Corpus;
import dev.sluice.runtime.internal.LongValueMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A windowed word count, window 30 batches, slide 1: the cost of one slide of the window, with and
 * without an inverse function, over per-batch counts of 5,000 corpus lines each.
 *
 * <p><b>The data-structure work alone:</b> no tokenising and no output, on the runtime's own
 * primitive {@link LongValueMap}: with an inverse, the batch that enters is reduced into the
 * running window and the batch that leaves is inverse-reduced out of it, O(keys of those two
 * batches), keys staying at 0 as Spark keeps them without a filter; without one, the window is
 * rebuilt from its 30 batches, O(keys of the whole window). {@link GeneratedWindowBenchmark}
 * measures the generated operator itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WindowedReduceBenchmark {

  private static final int WINDOW = 30;
  private static final int BATCHES = 40;
  private static final int LINES_PER_BATCH = 5_000;

  private final List<LongValueMap<String>> batches = new ArrayList<>();
  private final LongValueMap<String> running = new LongValueMap<>(1 << 17);
  private final LongValueMap<String> rebuilt = new LongValueMap<>(1 << 17);
  private int oldest;

  /** Counts each batch, and the first window. */
  @Setup
  public void setUp() {
    Corpus corpus = Corpus.standard();
    for (int b = 0; b < BATCHES; b++) {
      LongValueMap<String> counts = new LongValueMap<>(1 << 15);
      for (String line : corpus.lines(LINES_PER_BATCH)) {
        for (String word : line.split(" ")) {
          reduce(counts, word, 1);
        }
      }
      batches.add(counts);
    }
    for (int b = 0; b < WINDOW; b++) {
      addInto(running, batches.get(b));
    }
  }

  /** One slide with an inverse: the entering batch reduced in, the leaving one inverted out. */
  @Benchmark
  public int slideWithInverse() {
    LongValueMap<String> leaving = batches.get(oldest);
    LongValueMap<String> entering = batches.get((oldest + WINDOW) % BATCHES);
    oldest = (oldest + 1) % BATCHES;
    addInto(running, entering);
    for (int e = 0, n = leaving.size(); e < n; e++) {
      int entry = running.find(leaving.key(e));
      running.set(entry, running.get(entry) - leaving.get(e)); // the inverse function
    }
    return running.size();
  }

  /** One slide without an inverse: the window rebuilt from its batches. */
  @Benchmark
  public int slideByRebuilding() {
    oldest = (oldest + 1) % BATCHES;
    rebuilt.clear();
    for (int b = 0; b < WINDOW; b++) {
      addInto(rebuilt, batches.get((oldest + b) % BATCHES));
    }
    return rebuilt.size();
  }

  private static void addInto(LongValueMap<String> window, LongValueMap<String> batch) {
    for (int e = 0, n = batch.size(); e < n; e++) {
      reduce(window, batch.key(e), batch.get(e));
    }
  }

  private static void reduce(LongValueMap<String> map, String key, long value) {
    int entry = map.add(key);
    if (entry < 0) {
      map.set(~entry, value);
    } else {
      map.set(entry, map.get(entry) + value);
    }
  }
}
