package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;

/** Builds engines for tests and checks that they leave no thread behind. */
public final class TestEngines {

  /** The batch interval of the tests: one second of a manual clock. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  /** How long a test waits for something that should happen at once. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  private TestEngines() {}

  /** An engine with a one-second interval and default limits. */
  public static Engine engine(
      PipelineProgram program, int parallelism, BatchClock clock, StreamingListener... listeners) {
    return engine(program, parallelism, clock, EngineLimits.DEFAULTS, listeners);
  }

  /** An engine with a one-second interval. */
  public static Engine engine(
      PipelineProgram program,
      int parallelism,
      BatchClock clock,
      EngineLimits limits,
      StreamingListener... listeners) {
    return new Engine(program, INTERVAL, parallelism, clock, List.of(listeners), limits, null);
  }

  /** Waits for batch {@code time} and fails the test if it does not complete. */
  public static void awaitBatch(Engine engine, long time) throws InterruptedException {
    assertTrue(engine.awaitBatch(time, WAIT), "batch " + time + " completed");
  }

  /** Stops {@code engine} at once, waits, and checks that none of its threads is left. */
  public static void stopAndCheck(Engine engine) throws InterruptedException {
    engine.requestStop(false);
    assertTrue(engine.awaitTermination(WAIT), "terminated");
    assertNoThreadsOf(engine.name());
  }

  /** Checks that no thread of pipeline {@code name} is alive. */
  public static void assertNoThreadsOf(String name) {
    assertEquals(List.of(), SluiceThreads.of(name));
  }
}
