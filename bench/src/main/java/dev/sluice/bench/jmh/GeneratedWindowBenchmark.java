package dev.sluice.bench.jmh;

import dev.sluice.api.KV;
import dev.sluice.bench.pipelines.WindowedCountsPipeline;
import dev.sluice.bench.seam.Programs;
import dev.sluice.bench.seam.SeamContext;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.bench.workload.HandWrittenWindowedCount;
import dev.sluice.runtime.internal.PipelineProgram;
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
 * The generated windowed word count with an inverse ({@link
 * dev.sluice.bench.pipelines.WindowedCounts}: window 30 batches, slide 1), driven through the seam
 * batch after batch, against a hand-written incremental window loop ({@link
 * HandWrittenWindowedCount}). One operation is one batch of 5,000 corpus lines in and one slide out
 * (a {@code KV} per word of the window); both start from a full window, so every operation also
 * subtracts a leaving batch. The batches cycle over 40 prepared ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GeneratedWindowBenchmark {

  static final int WINDOW = 30;
  private static final int BATCHES = 40;
  private static final int LINES_PER_BATCH = 5_000;

  private final List<List<String>> batches = new ArrayList<>();
  private final SeamContext context = new SeamContext();
  private final HandWrittenWindowedCount loop = new HandWrittenWindowedCount(WINDOW);
  private final List<KV<String, Long>> loopOutput = new ArrayList<>();
  private PipelineProgram program;
  private long generatedBatch;
  private long loopBatch;

  /** Prepares the batches, and fills both windows. */
  @Setup
  public void setUp() {
    Corpus corpus = Corpus.standard();
    for (int b = 0; b < BATCHES; b++) {
      batches.add(List.copyOf(corpus.lines(LINES_PER_BATCH)));
    }
    program = Programs.compile(WindowedCountsPipeline.builder(), 1);
    for (int b = 0; b < WINDOW; b++) {
      sluiceGenerated();
      handWrittenLoop();
    }
  }

  /** One batch through the generated map side and windowed reduce side, the slide emitted. */
  @Benchmark
  public int sluiceGenerated() {
    context.batchIndex(generatedBatch);
    context.input(batches.get((int) (generatedBatch++ % BATCHES)));
    program.runTask(0, 0, context);
    program.runTask(1, 0, context);
    int keys = context.output().size();
    context.output().clear();
    return keys;
  }

  /** One batch through the hand-written ring of per-batch maps and running total. */
  @Benchmark
  public int handWrittenLoop() {
    loop.next(batches.get((int) (loopBatch++ % BATCHES)), loopOutput);
    int keys = loopOutput.size();
    loopOutput.clear();
    return keys;
  }
}
