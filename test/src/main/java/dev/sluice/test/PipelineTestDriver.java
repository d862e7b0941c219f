package dev.sluice.test;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.PipelineBuilder.Port;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.MapWithStateStore;
import dev.sluice.runtime.internal.state.UpdateStateStore;
import dev.sluice.runtime.ui.MonitorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a generated pipeline batch by batch for a test, synchronously: feed each input, call {@link
 * #advanceBatch()}, read each output. Made from the pipeline's generated builder, so it runs the
 * same generated code and the same runtime as production, on a clock that moves only when the test
 * says.
 *
 * <pre>{@code
 * try (PipelineTestDriver driver = PipelineTestDriver.start(WordCountPipeline.builder().parallelism(1))) {
 *   TestInput<String> lines = driver.input("lines");
 *   TestOutput<KV<String, Long>> counts = driver.output("print");
 *   lines.add("hello world");
 *   driver.advanceBatch();
 *   assertEquals(List.of(KV.of("hello", 1L), KV.of("world", 1L)), counts.batch(0));
 * }
 * }</pre>
 *
 * <p>Every input and output the builder has not bound gets a {@link TestInput} or {@link
 * TestOutput} of the driver; those bound on the builder keep their source or sink (a {@code
 * Sources.batches(...)}, a {@code Sinks.print(...)}) and are driven by the same clock. Batch {@code
 * i} is at time {@link #batchTime batchTime(i)}, Spark's batch times for a pipeline started at
 * {@code startMillis}. The order of records within a batch depends on the parallelism: set it on
 * the builder (the builder's default is the number of processors) for an order that is the same on
 * every machine.
 *
 * <p><b>Threads:</b> one test thread calls the driver. The pipeline keeps its own threads (driver
 * and workers); {@link #advanceBatch()} moves the clock and returns once the batch's outputs are
 * written, so there is nothing to wait for and no timeout in a test. Between two batches the
 * pipeline is idle, which is when {@link #state} reads a stage's state. <b>Failure:</b> a failed
 * batch makes {@code advanceBatch()} throw the pipeline's {@link PipelineFailedException}, which
 * names the stage, batch and record; the pipeline is then stopped. {@link #close()} stops the
 * pipeline and its threads.
 */
public final class PipelineTestDriver implements AutoCloseable {

  /** How long one wait on the engine lasts; the driver waits again until the batch is done. */
  private static final Duration WAIT = Duration.ofMinutes(1);

  private final String pipelineName;
  private final StreamingPipeline pipeline;
  private final ManualClock clock;
  private final long interval;
  private final long firstBatchTime;
  private final Map<String, TestInput<?>> inputs = new LinkedHashMap<>();
  private final Map<String, TestOutput<?>> outputs = new LinkedHashMap<>();
  private volatile long completed;
  private PipelineFailedException failure;
  private boolean closed;

  private PipelineTestDriver(PipelineBuilder<?> builder, long startMillis) {
    this.pipelineName = builder.pipelineName();
    this.clock = BatchClock.manual(startMillis);
    this.interval = builder.batchInterval().toMillis();
    // Spark's first batch time for a start at startMillis, as BatchClock describes it
    this.firstBatchTime = (Math.floorDiv(startMillis, interval) + 1) * interval;
    for (Port port : builder.inputs()) {
      if (!builder.isBound(port.name())) {
        TestInput<?> input = new TestInput<>(port.name());
        inputs.put(port.name(), input);
        builder.bindInput(port.name(), input);
      }
    }
    for (Port port : builder.outputs()) {
      if (!builder.isBound(port.name())) {
        TestOutput<?> output =
            new TestOutput<>(port.name(), firstBatchTime, interval, () -> completed);
        outputs.put(port.name(), output);
        builder.bindOutput(port.name(), output);
      }
    }
    if (builder.monitorSettings().equals(MonitorSettings.DEFAULTS)) {
      builder.ui(false); // a test opens no port; a UI asked for on the builder is kept
    }
    this.pipeline = builder.clock(clock).build();
    pipeline.start();
  }

  /**
   * Builds the pipeline of {@code builder} and starts it at time 0: batch 0 is at one batch
   * interval, as in Spark, where a pipeline started at 0 has its first batch then.
   */
  public static PipelineTestDriver start(PipelineBuilder<?> builder) {
    return start(builder, 0);
  }

  /**
   * Builds the pipeline of {@code builder} and starts it at {@code startMillis}; batch 0 is at the
   * first multiple of the batch interval after it.
   */
  public static PipelineTestDriver start(PipelineBuilder<?> builder, long startMillis) {
    return new PipelineTestDriver(builder, startMillis);
  }

  /**
   * The test input of input {@code name}, for records of type {@code T} (the input's type, as the
   * generated builder's method for it says).
   *
   * @throws IllegalArgumentException if the pipeline has no such input, or it was bound on the
   *     builder
   */
  @SuppressWarnings("unchecked") // T is the input's record type by the caller's word
  public <T> TestInput<T> input(String name) {
    TestInput<?> input = inputs.get(name);
    if (input == null) {
      throw new IllegalArgumentException(missing("input", name, inputs));
    }
    return (TestInput<T>) input;
  }

  /**
   * The test output of output {@code name}, for records of type {@code T}.
   *
   * @throws IllegalArgumentException if the pipeline has no such output, or it was bound on the
   *     builder
   */
  @SuppressWarnings("unchecked") // T is the output's record type by the caller's word
  public <T> TestOutput<T> output(String name) {
    TestOutput<?> output = outputs.get(name);
    if (output == null) {
      throw new IllegalArgumentException(missing("output", name, outputs));
    }
    return (TestOutput<T>) output;
  }

  /**
   * Runs the next batch: closes its interval, so that it holds what was added to the inputs for it,
   * and returns once its outputs are written. Returns its index, 0 for the first.
   *
   * @throws PipelineFailedException if the batch failed; the pipeline is stopped
   * @throws IllegalStateException if the pipeline failed earlier or the driver was closed
   */
  public long advanceBatch() {
    checkRunning();
    long index = completed;
    long time = batchTime(index);
    clock.setMillis(time);
    try {
      while (!pipeline.awaitBatch(time, WAIT)) {
        if (pipeline.awaitTermination(Duration.ZERO)) {
          throw new IllegalStateException(
              "pipeline " + pipelineName + " stopped before batch " + index);
        }
      }
    } catch (PipelineFailedException e) {
      failure = e;
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while batch " + index + " ran", e);
    }
    completed = index + 1;
    return index;
  }

  /**
   * The state of the stateful stage {@code stage} (the name of an {@code @UpdateStateByKey} or
   * {@code @MapWithState} method) after the batches run so far: each key's state, the keys of each
   * partition in the order its store holds them, partition after partition. A copy: later batches
   * do not change it. Empty before the first batch.
   *
   * <p>Read between batches, from the test thread: the state is that of the last batch {@link
   * #advanceBatch()} ran, and no batch runs while it is read.
   *
   * @param <K> the key type
   * @param <S> the state type, by the caller's word
   * @throws IllegalArgumentException if the pipeline has no such stage, or it is a window
   * @throws IllegalStateException if a batch failed, the driver was closed, or the pipeline's
   *     program does not list its stores (generated by an older processor)
   */
  @SuppressWarnings("unchecked") // K and S are the stage's key and state types by the caller's word
  public <K, S> Map<K, S> state(String stage) {
    checkRunning();
    List<StageState<?, ?>> stages = pipeline.stageStates();
    if (stages == null) {
      throw new IllegalStateException(
          "pipeline "
              + pipelineName
              + " does not list its state stores; compile it with this version of the Sluice"
              + " processor");
    }
    List<String> readable = new ArrayList<>();
    StageState<?, ?> found = null;
    for (StageState<?, ?> state : stages) {
      if (keepsKeyedState(state)) {
        readable.add(state.name());
      }
      if (state.name().equals(stage)) {
        found = state;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          "pipeline "
              + pipelineName
              + " has no stateful stage '"
              + stage
              + "'; its stateful stages are "
              + readable);
    }
    if (!keepsKeyedState(found)) {
      throw new IllegalArgumentException(
          "stage '"
              + stage
              + "' of pipeline "
              + pipelineName
              + " is a window ("
              + found.signature()
              + "); read it through its output. The driver reads the state of "
              + readable);
    }
    // Safe without a lock: workers wrote the stores during the last batch's tasks and handed them
    // to the engine's driver thread through its completion queue; that thread then reported the
    // batch through the volatile write that advanceBatch's awaitBatch read on this thread, so every
    // write of the batch happens-before this read. No batch runs again until this thread moves the
    // manual clock in advanceBatch, and a snapshot, if any, only reads the stores.
    Map<Object, Object> state = new LinkedHashMap<>();
    for (SnapshotState<?, ?> store : found.partitions()) {
      for (PartitionImage.Section<?, ?> section : store.image().sections()) {
        for (int i = 0, n = section.size(); i < n; i++) {
          state.put(section.key(i), section.value(i));
        }
      }
    }
    return (Map<K, S>) Collections.unmodifiableMap(state);
  }

  /** Whether a stage's stores are keyed state stores (one section of each key's state). */
  private static boolean keepsKeyedState(StageState<?, ?> stage) {
    SnapshotState<?, ?> store = stage.partitions().isEmpty() ? null : stage.partitions().get(0);
    return store instanceof UpdateStateStore<?, ?, ?> || store instanceof MapWithStateStore<?, ?>;
  }

  /** Runs the next {@code batches} batches, as many {@link #advanceBatch()} calls. */
  public void advanceBatches(int batches) {
    if (batches < 0) {
      throw new IllegalArgumentException("batches must not be negative, was " + batches);
    }
    for (int i = 0; i < batches; i++) {
      advanceBatch();
    }
  }

  /** How many batches have run: the index the next batch will have. */
  public long completedBatches() {
    return completed;
  }

  /** The time of batch {@code index} in ms: the end of its interval. */
  public long batchTime(long index) {
    return firstBatchTime + index * interval;
  }

  /** The batch interval in ms. */
  public long batchInterval() {
    return interval;
  }

  /** The failure that stopped the pipeline, if a batch failed. */
  public Optional<PipelineFailedException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Stops the pipeline at once and waits for its threads; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      pipeline.close();
    }
  }

  private void checkRunning() {
    if (closed) {
      throw new IllegalStateException("the driver of " + pipelineName + " is closed");
    }
    if (failure != null) {
      throw new IllegalStateException(
          "pipeline " + pipelineName + " failed: " + failure.getMessage(), failure);
    }
  }

  private String missing(String kind, String name, Map<String, ?> driven) {
    return "pipeline "
        + pipelineName
        + " has no "
        + kind
        + " '"
        + name
        + "' that the driver "
        + "feeds or reads ("
        + kind
        + "s bound on the builder keep their own); it has "
        + driven.keySet();
  }
}
