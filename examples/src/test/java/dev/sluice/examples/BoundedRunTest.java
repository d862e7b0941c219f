package dev.sluice.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.KV;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.BatchSize;
import dev.sluice.runtime.source.Sources;
import dev.sluice.test.PipelineTestDriver;
import dev.sluice.test.TestInput;
import dev.sluice.test.TestOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The word counts over a directory of text files as a bounded run, one file a batch: the outputs of
 * a streaming run given each file's lines as a batch, the windowed count drained after the last
 * file.
 */
@Timeout(60)
class BoundedRunTest {

  private static final List<List<String>> FILES =
      List.of(List.of("hello world", "hello"), List.of("hello spark"), List.of("world spark"));

  @TempDir Path in;

  @BeforeEach
  void writeFiles() throws Exception {
    for (int i = 0; i < FILES.size(); i++) {
      Files.write(in.resolve("part-" + i + ".txt"), FILES.get(i), UTF_8);
    }
  }

  /** Each written batch of a bounded run as time to records. */
  private static Map<Long, List<KV<String, Long>>> runOnce(PipelineBuilder<?> builder)
      throws InterruptedException {
    Map<Long, List<KV<String, Long>>> written = new TreeMap<>();
    builder.bindOutput("print", Sinks.<KV<String, Long>>foreachBatch(written::put));
    builder.clock(BatchClock.manual(0)).parallelism(1).runOnce();
    return written;
  }

  /** Each written batch of a streaming run of {@code batches} batches as time to records. */
  private static Map<Long, List<KV<String, Long>>> stream(PipelineBuilder<?> builder, int batches) {
    Map<Long, List<KV<String, Long>>> written = new TreeMap<>();
    try (PipelineTestDriver driver = PipelineTestDriver.start(builder.parallelism(1))) {
      TestInput<String> lines = driver.input("lines");
      TestOutput<KV<String, Long>> print = driver.output("print");
      lines.addBatches(FILES);
      driver.advanceBatches(batches);
      for (int i = 0; i < batches; i++) {
        if (print.writtenAt(i)) {
          written.put(driver.batchTime(i), new ArrayList<>(print.batch(i)));
        }
      }
    }
    return written;
  }

  @Test
  void wordCountOverADirectoryRunsOneBatchPerFile() throws Exception {
    Map<Long, List<KV<String, Long>>> once =
        runOnce(
            WordCountPipeline.builder()
                .lines(Sources.textFiles(in.toString(), BatchSize.files(1))));
    assertEquals(List.of(2000L, 4000L, 6000L), List.copyOf(once.keySet()));
    assertEquals(List.of(KV.of("hello", 2L), KV.of("world", 1L)), once.get(2000L));
    assertEquals(stream(WordCountPipeline.builder(), 3), once);
  }

  @Test
  void windowedWordCountDrainsItsWindowAfterTheLastFile() throws Exception {
    Map<Long, List<KV<String, Long>>> once =
        runOnce(
            WindowedWordCountPipeline.builder()
                .lines(Sources.textFiles(in.toString(), BatchSize.files(1))));
    // 5 s batches, a 30 s window sliding by 10 s: the last file (batch 2) stays in the windows
    // up to batch 7, and windows are emitted at batches 1, 3, 5 and 7
    assertEquals(List.of(10_000L, 20_000L, 30_000L, 40_000L), List.copyOf(once.keySet()));
    assertEquals(List.of(KV.of("world", 1L), KV.of("spark", 1L)), once.get(40_000L));
    assertEquals(stream(WindowedWordCountPipeline.builder(), 8), once);
  }
}
