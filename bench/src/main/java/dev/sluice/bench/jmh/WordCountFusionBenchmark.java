package dev.sluice.bench.jmh;

import dev.sluice.api.KV;
import dev.sluice.bench.seam.Programs;
import dev.sluice.bench.seam.SeamContext;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.bench.workload.HandWrittenWordCount;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.internal.PipelineProgram;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fusion: the WordCount example's generated code against a hand-written loop and an
 * operator-at-a-time interpreter, one batch of the corpus (500,000 words) per invocation, on one
 * thread. Throughput is in words per second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is
 * bytes allocated per word.
 *
 * <p>The generated program is driven through the runtime seam: {@code runTask} of segment 0 ({@code
 * lines -> words -> pairs}, combining into the map-side buffer) and segment 1 ({@code counts ->
 * print}, building the output records) with parallelism 1, as a worker would run them, without the
 * engine's threads. {@link #sluiceMapSide} runs segment 0 alone, never clearing its buffer, to show
 * what the fused per-record path allocates; {@link #tokenizer} and {@link #userMethods} show what
 * the user's methods allocate by themselves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Corpus.WORDS_PER_BATCH)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WordCountFusionBenchmark {

  /** Distinct batches cycled through, so no single batch is learned by the caches and JIT. */
  private static final int BATCHES = 4;

  private List<List<String>> batches;
  private int next;
  private PipelineProgram program;
  private final SeamContext context = new SeamContext();
  private final OperatorAtATime interpreter = OperatorAtATime.wordCount();

  /** Makes the corpus batches and compiles the program for one partition. */
  @Setup
  public void setUp() {
    batches = Corpus.standard().batches(BATCHES);
    program = Programs.compile(WordCountPipeline.builder(), 1);
  }

  private List<String> nextBatch() {
    return batches.get(next++ & (BATCHES - 1));
  }

  /** The hand-written 1-thread loop: split, then one lookup per word in a {@code HashMap}. */
  @Benchmark
  public Map<String, long[]> handWrittenLoop() {
    return HandWrittenWordCount.count(nextBatch());
  }

  /** The generated WordCount: both segments, the output records built. */
  @Benchmark
  public int sluiceGenerated() {
    context.input(nextBatch());
    program.runTask(0, 0, context);
    program.runTask(1, 0, context);
    int keys = context.output().size();
    context.output().clear();
    return keys;
  }

  /** The generated map side alone (segment 0), its buffer never cleared: the per-record path. */
  @Benchmark
  public void sluiceMapSide() {
    context.input(nextBatch());
    program.runTask(0, 0, context);
  }

  /** An interpreting engine: flatMap, map, reduceByKey, a list materialised after each. */
  @Benchmark
  public int operatorAtATime() {
    return interpreter.run(nextBatch()).size();
  }

  /** What the tokenizer alone allocates: {@code split(" ")} over every line. */
  @Benchmark
  public void tokenizer(Blackhole blackhole) {
    for (String line : nextBatch()) {
      for (String word : line.split(" ")) {
        blackhole.consume(word);
      }
    }
  }

  /** What the user's methods allocate when their results escape: the tokenizer and each pair. */
  @Benchmark
  public void userMethods(Blackhole blackhole) {
    for (String line : nextBatch()) {
      for (String word : line.split(" ")) {
        blackhole.consume(KV.of(word, 1L));
      }
    }
  }
}
