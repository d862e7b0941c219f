package dev.sluice.runtime.engine;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.source.Sources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A builder like a generated one around {@link RunningCountProgram}, pipeline {@code Running}: 1 s
 * batches, input {@code lines}, a running count kept as stage {@code running} (whose state is
 * snapshotted), output {@code counts}. For tests of what a pipeline with state shows, until
 * generated programs list their state stores.
 */
public final class RunningCountBuilder extends PipelineBuilder<RunningCountBuilder> {

  /** The state's signature in its snapshots. */
  public static final String SIGNATURE = "updateStateByKey String -> Long";

  /** A builder of 1 s batches; input and output must be bound. */
  public RunningCountBuilder() {
    super(
        "Running",
        Duration.ofSeconds(1),
        List.of(new Port("lines", "String", true)),
        List.of(new Port("counts", "KV<String, Long>", false)));
  }

  /**
   * A builder whose pipeline reads {@code lines} one list per batch, on {@code clock}, at
   * parallelism 2, writes to a {@link CollectingSink}, and snapshots its state in {@code
   * checkpoint} every 2 batches.
   */
  public static RunningCountBuilder checkpointed(
      List<List<String>> lines, BatchClock clock, Path checkpoint) {
    return new RunningCountBuilder()
        .lines(Sources.batches(lines))
        .counts(new CollectingSink())
        .clock(clock)
        .parallelism(2)
        .checkpoint(checkpoint)
        .checkpointInterval(Duration.ofSeconds(2));
  }

  /** Binds input {@code lines}. */
  public RunningCountBuilder lines(Source<String> source) {
    return bindInput("lines", source);
  }

  /** Binds output {@code counts}. */
  public RunningCountBuilder counts(Sink<KV<String, Long>> sink) {
    return bindOutput("counts", sink);
  }

  @Override
  protected PipelineProgram createProgram(int parallelism) {
    return new RunningCountProgram(
        "Running", parallelism, boundInput("lines"), boundOutput("counts"), SIGNATURE);
  }
}
