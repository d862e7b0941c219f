package dev.sluice.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.KV;
import dev.sluice.bench.pipelines.WindowedCountsPipeline;
import dev.sluice.bench.seam.Programs;
import dev.sluice.bench.seam.SeamContext;
import dev.sluice.bench.workload.Corpus;
import dev.sluice.bench.workload.HandWrittenWindowedCount;
import dev.sluice.bench.workload.HandWrittenWordCount;
import dev.sluice.bench.workload.TwoThreadWordCount;
import dev.sluice.examples.WordCountPipeline;
import dev.sluice.runtime.internal.PipelineProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every contender of the benchmarks computes the same counts: the generated WordCount through the
 * seam, the hand-written loops and the operator-at-a-time interpreter; and the generated windowed
 * count with an inverse and the hand-written incremental window, slide after slide.
 */
class ContendersAgreeTest {

  private final List<String> lines = Corpus.standard().lines(2_000);

  @Test
  @Timeout(10)
  void handWrittenLoopsAgree() throws InterruptedException {
    Map<String, Long> one = sorted(HandWrittenWordCount.count(lines));
    try (TwoThreadWordCount two = new TwoThreadWordCount()) {
      assertEquals(one, sorted(two.count(lines)));
    }
    assertEquals(20_000, one.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  @Timeout(10)
  void generatedProgramThroughTheSeamAgreesWithTheLoop() {
    PipelineProgram program = Programs.compile(WordCountPipeline.builder(), 1);
    SeamContext context = new SeamContext();
    for (int batch = 0; batch < 2; batch++) { // the second batch reuses the cleared buffers
      context.input(lines);
      program.runTask(0, 0, context);
      program.runTask(1, 0, context);
      assertEquals(sorted(HandWrittenWordCount.count(lines)), fromPairs(context.output()));
      context.output().clear();
    }
  }

  @Test
  void operatorAtATimeAgreesWithTheLoop() {
    assertEquals(
        sorted(HandWrittenWordCount.count(lines)),
        fromPairs(OperatorAtATime.wordCount().run(lines)));
  }

  @Test
  @Timeout(10)
  void generatedWindowAgreesWithTheHandWrittenWindowEverySlide() {
    Corpus corpus = Corpus.standard();
    PipelineProgram program = Programs.compile(WindowedCountsPipeline.builder(), 1);
    SeamContext context = new SeamContext();
    HandWrittenWindowedCount loop = new HandWrittenWindowedCount(GeneratedWindowBenchmark.WINDOW);
    List<KV<String, Long>> loopOutput = new ArrayList<>();
    for (int batch = 0; batch < 40; batch++) { // ten slides past the first full window
      List<String> batchLines = corpus.lines(100);
      context.batchIndex(batch);
      context.input(batchLines);
      program.runTask(0, 0, context);
      program.runTask(1, 0, context);
      loop.next(batchLines, loopOutput);
      Map<String, Long> generated = fromPairs(context.output());
      assertEquals(loopOutput.size(), context.output().size());
      assertEquals(fromPairs(new ArrayList<Object>(loopOutput)), generated, "batch " + batch);
      // 100 lines of 10 words a batch, over at most the 30 batches of the window
      assertEquals(
          1_000L * Math.min(batch + 1, 30),
          generated.values().stream().mapToLong(Long::longValue).sum(),
          "batch " + batch);
      context.output().clear();
      loopOutput.clear();
    }
  }

  private static Map<String, Long> sorted(Map<String, long[]> counts) {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((word, count) -> sorted.put(word, count[0]));
    return sorted;
  }

  private static Map<String, Long> fromPairs(List<Object> pairs) {
    Map<String, Long> sorted = new TreeMap<>();
    for (Object pair : pairs) {
      KV<?, ?> kv = (KV<?, ?>) pair;
      sorted.put((String) kv.key(), (Long) kv.value());
    }
    return sorted;
  }
}
