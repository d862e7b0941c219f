package dev.sluice.bench.jmh;

import dev.sluice.api.BatchSource;
import dev.sluice.api.KV;
import dev.sluice.bench.fair.TightWordCount;
import dev.sluice.bench.seam.Programs;
import dev.sluice.bench.seam.SeamContext;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.bench.workload.HandWrittenWordCount;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.sink.Sinks;
import java.lang.reflect.Field;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
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
 * engine's threads; {@link #sluiceEngine} runs the same pipeline through the engine (driver,
 * worker, sink), one batch per invocation. {@link #sluiceMapSide} runs segment 0 alone and then
 * clears its buffer as segment 1 does, to show what the fused per-record path costs and allocates;
 * {@link #tokenizer} and {@link #userMethods} show what the user's methods allocate by themselves.
 * {@link #tightLoop} is the pre-sized, reused-map loop of the fair rules.
 *
 * <p>Every benchmark cycles through {@link #BATCHES} distinct corpus batches, as many as the
 * end-to-end runs measure, so that after the first pass the maps still meet new keys at the
 * corpus's rate.
 */
@State(Scope.Thread)
@SuppressWarnings("unchecked") // the generated program's shuffle array, read reflectively
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Corpus.WORDS_PER_BATCH)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WordCountFusionBenchmark {

  /** Distinct batches cycled through: as many as the end-to-end throughput runs measure. */
  private static final int BATCHES = 20;

  private List<List<String>> batches;
  private int next;
  private PipelineProgram program;
  private final SeamContext context = new SeamContext();
  private final OperatorAtATime interpreter = OperatorAtATime.wordCount();

  private LongValueMap<String> mapSide;
  private final TightWordCount tight = new TightWordCount(false);

  /**
   * Makes the corpus batches and compiles the program for one partition, finding its map-side
   * buffer, which segment 1 clears.
   */
  @Setup
  public void setUp() throws ReflectiveOperationException {
    batches = Corpus.standard().batches(BATCHES);
    program = Programs.compile(WordCountPipeline.builder(), 1);
    Field shuffle = program.getClass().getDeclaredField("countsShuffle");
    shuffle.setAccessible(true);
    mapSide = ((LongValueMap<String>[][]) shuffle.get(program))[0][0];
  }

  /**
   * The generated WordCount running in the engine at parallelism 1, its source cycling through the
   * corpus batches on the driver thread, its clock moved by the benchmark thread.
   */
  @State(Scope.Thread)
  public static class Engine {
    private ManualClock clock;
    private StreamingPipeline pipeline;
    private long batchTime;

    /** Starts the pipeline. */
    @Setup
    public void start() {
      List<List<String>> batches = Corpus.standard().batches(BATCHES);
      int[] next = {0}; // the driver thread's alone
      BatchSource<String> cycling = time -> batches.get(next[0]++ % BATCHES);
      clock = BatchClock.manual(0);
      pipeline =
          WordCountPipeline.builder()
              .lines(cycling)
              .print(Sinks.foreachBatch((time, counts) -> {}))
              .clock(clock)
              .parallelism(1)
              .batchInterval(Duration.ofSeconds(1))
              .ui(false)
              .build();
      pipeline.start();
    }

    /** Stops the pipeline. */
    @TearDown
    public void stop() throws InterruptedException {
      pipeline.stop(false);
    }
  }

  private List<String> nextBatch() {
    List<String> batch = batches.get(next);
    next = (next + 1) % BATCHES;
    return batch;
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

  /** The generated map side alone (segment 0), its buffer cleared after as segment 1 does. */
  @Benchmark
  public int sluiceMapSide() {
    context.input(nextBatch());
    program.runTask(0, 0, context);
    int keys = mapSide.size();
    mapSide.clear();
    return keys;
  }

  /** The generated WordCount through the engine: one batch sealed, run and written. */
  @Benchmark
  public boolean sluiceEngine(Engine engine) throws InterruptedException {
    engine.batchTime += 1000;
    engine.clock.setMillis(engine.batchTime);
    return engine.pipeline.awaitBatch(engine.batchTime, Duration.ofMinutes(1));
  }

  /** The tight 1-thread loop: {@code split(" ")} into a pre-sized map reused every batch. */
  @Benchmark
  public int tightLoop() {
    List<String> lines = nextBatch();
    return tight.count(lines, 0, lines.size()).size();
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
