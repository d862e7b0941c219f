package dev.sluice.runtime;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.engine.WordCountProgram;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.window.WindowSpec;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.List;

/**
 * A builder like a generated one around {@link WordCountProgram}: input {@code lines} (default: the
 * demo source), output {@code counts} (default: print). Like a generated builder of a pipeline with
 * windows, it makes a {@link WindowSpec} for each of {@code windows} (window lengths in batches)
 * while creating the program.
 */
public final class WordCountBuilder extends PipelineBuilder<WordCountBuilder> {

  private final int[] windows;

  /** A builder of 1 s batches whose program has windows of the given lengths in batches. */
  public WordCountBuilder(int... windows) {
    super(
        "WordCount",
        Duration.ofSeconds(1),
        List.of(new Port("lines", "String", true)),
        List.of(new Port("counts", "KV<String, Long>", false)));
    this.windows = windows.clone();
  }

  /** Binds input {@code lines}. */
  public WordCountBuilder lines(Source<String> source) {
    return bindInput("lines", source);
  }

  /** Binds output {@code counts}. */
  public WordCountBuilder counts(Sink<KV<String, Long>> sink) {
    return bindOutput("counts", sink);
  }

  @Override
  protected PipelineProgram createProgram(int parallelism) {
    long interval = batchInterval().toMillis();
    for (int length : windows) {
      WindowSpec.of("WordCount", "window" + length, length * interval, interval, interval);
    }
    Source<String> lines = boundInput("lines");
    Sink<KV<String, Long>> counts = boundOutput("counts");
    return new WordCountProgram(
        "WordCount",
        parallelism,
        lines != null ? lines : Sources.demo(),
        counts != null ? counts : Sinks.print(),
        null);
  }
}
