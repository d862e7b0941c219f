package dev.sluice.runtime.cli;

import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.PipelineProgram;
import java.time.Duration;
import java.util.List;

/**
 * A builder like a generated one for a word count with a text input {@code lines}, a non-text input
 * {@code events} and an output {@code counts}. Building fails as if the default source could not be
 * made, which is how tests reach the exit status of a failed pipeline.
 */
final class TestPipelineBuilder extends PipelineBuilder<TestPipelineBuilder> {

  TestPipelineBuilder() {
    this(true);
  }

  /** With {@code defaults} false, neither input has a default source (abstract inputs). */
  TestPipelineBuilder(boolean defaults) {
    super(
        "WordCount",
        Duration.ofSeconds(2),
        List.of(
            new Port("lines", "String", true, defaults),
            new Port("events", "Event", false, defaults)),
        List.of(new Port("counts", "KV<String, Long>", false)));
    parallelism(4);
  }

  Source<String> input(String name) {
    return boundInput(name);
  }

  Sink<Object> output(String name) {
    return boundOutput(name);
  }

  @Override
  protected PipelineProgram createProgram(int parallelism) {
    throw new IllegalStateException("input lines of WordCount failed: unknown host nowhere");
  }
}
