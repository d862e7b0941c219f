package dev.sluice.runtime;

import dev.sluice.api.BoundedSource;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.engine.BoundedRun;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.window.WindowRecording;
import dev.sluice.runtime.internal.window.WindowRecording.Recorded;
import dev.sluice.runtime.metrics.StreamingListener;
import dev.sluice.runtime.ui.MonitorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings and bindings shared by every generated pipeline builder ({@code WordCountPipeline
 * .builder()}): batch interval, parallelism, clock, listeners, and the sources and sinks bound by
 * name. The generated subclass adds one typed method per {@code @Input} and {@code @Output}.
 *
 * <p>Not thread-safe: configure on one thread, then {@link #build()}.
 *
 * @param <B> the generated builder type, returned by every setter for chaining
 */
public abstract class PipelineBuilder<B extends PipelineBuilder<B>> {

  /** The event log's directory inside a checkpoint directory. */
  private static final String EVENTS = "events";

  private final String pipelineName;
  private final List<Port> inputs;
  private final List<Port> outputs;
  private final Map<String, Source<?>> boundInputs = new LinkedHashMap<>();
  private final Map<String, Sink<?>> boundOutputs = new LinkedHashMap<>();
  private final List<StreamingListener> listeners = new ArrayList<>();
  private Duration batchInterval;
  private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
  private BatchClock clock = BatchClock.system();
  private Path checkpoint;
  private boolean writeAheadLog = true;
  private Duration snapshotInterval;
  private MonitorSettings monitor = MonitorSettings.DEFAULTS;

  /**
   * @param pipelineName the simple name of the pipeline class
   * @param defaultBatchInterval the interval from {@code @Pipeline(batchInterval)}
   * @param inputs the {@code @Input} stages in declaration order
   * @param outputs the {@code @Output} stages in declaration order
   */
  protected PipelineBuilder(
      String pipelineName, Duration defaultBatchInterval, List<Port> inputs, List<Port> outputs) {
    this.pipelineName = pipelineName;
    this.batchInterval = defaultBatchInterval;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  /** The simple name of the pipeline class. */
  public final String pipelineName() {
    return pipelineName;
  }

  /** The inputs that {@link #bindInput} accepts. */
  public final List<Port> inputs() {
    return inputs;
  }

  /** The outputs that {@link #bindOutput} accepts. */
  public final List<Port> outputs() {
    return outputs;
  }

  /** Sets the batch interval; must be positive and a whole number of milliseconds. */
  public final B batchInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero() || interval.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "batch interval must be a positive whole number of milliseconds, was " + interval);
    }
    this.batchInterval = interval;
    return self();
  }

  /** The batch interval {@link #build()} will use. */
  public final Duration batchInterval() {
    return batchInterval;
  }

  /**
   * Sets how many partitions each batch is split into, which is also the number of worker threads.
   * Defaults to the number of available processors.
   */
  public final B parallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.parallelism = parallelism;
    return self();
  }

  /** The parallelism {@link #build()} will use. */
  public final int parallelism() {
    return parallelism;
  }

  /** Sets the clock that cuts batches; {@link BatchClock#manual} makes tests deterministic. */
  public final B clock(BatchClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Makes the pipeline fault tolerant, like Spark's {@code ssc.checkpoint(dir)} with {@code
   * StreamingContext.getOrCreate}: the first start creates {@code directory}; a later start with
   * the same directory goes on where the last run stopped or crashed. Every batch's plan (what it
   * reads from each replayable source) is logged and forced to disk before it runs, and its commit
   * after its outputs are written; after a crash the batches that had not committed run again from
   * their plans and the sources resume after them, so with replayable sources and idempotent or
   * transactional sinks every output record is written exactly once. See docs/fault-tolerance.md.
   *
   * <p>Only the batch interval is fixed by the directory; every other setting is read fresh at each
   * start.
   */
  public final B checkpoint(Path directory) {
    this.checkpoint = Objects.requireNonNull(directory, "directory");
    return self();
  }

  /**
   * Whether receivers with a record codec (the socket source) log what they receive in the
   * checkpoint directory, so that a crash loses none of it; on by default, used only with a
   * checkpoint directory. Off, such a receiver is at most once after a crash, and a batch costs no
   * write to the log.
   */
  public final B writeAheadLog(boolean enabled) {
    this.writeAheadLog = enabled;
    return self();
  }

  /**
   * How often the state of stateful stages and windows is snapshotted in the checkpoint directory,
   * like Spark's {@code dstream.checkpoint(interval)}: rounded to a multiple of the batch interval;
   * by default 10 s. After a crash the batches since the last snapshot run again, so a shorter
   * interval shortens recovery and costs a snapshot more often.
   */
  public final B checkpointInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "checkpoint interval must be positive, was " + interval.toMillis() + " ms");
    }
    this.snapshotInterval = interval;
    return self();
  }

  /** The checkpoint interval set, or {@code null} for the default. */
  public final Duration checkpointInterval() {
    return snapshotInterval;
  }

  /** Whether receivers log what they receive in the checkpoint directory (on by default). */
  public final boolean writeAheadLog() {
    return writeAheadLog;
  }

  /** The checkpoint directory {@link #build()} will use, or {@code null} for none. */
  public final Path checkpoint() {
    return checkpoint;
  }

  /** Adds a listener that is told of every batch's metrics. */
  public final B listener(StreamingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Turns the web UI (and its {@code /metrics}) on or off; it is on by default, at {@code
   * http://127.0.0.1:4040} or the first free port after it.
   */
  public final B ui(boolean on) {
    monitor = monitor.withUi(on);
    return self();
  }

  /**
   * Sets the address the web UI binds, {@code 127.0.0.1} by default; another one is logged as a
   * warning, since the UI has no authentication.
   */
  public final B uiHost(String host) {
    monitor = monitor.withHost(Objects.requireNonNull(host, "host"));
    return self();
  }

  /** Sets the web UI's port; 0 takes any free port (see {@link StreamingPipeline#uiAddress()}). */
  public final B uiPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("UI port must be 0-65535, was " + port);
    }
    monitor = monitor.withPort(port);
    return self();
  }

  /**
   * Appends the pipeline's events to a log in {@code directory}, for the history server. With a
   * {@link #checkpoint} directory and no event log of its own, the pipeline logs its events in the
   * checkpoint directory's {@code events/}.
   */
  public final B eventLog(Path directory) {
    monitor = monitor.withEventLog(Objects.requireNonNull(directory, "directory"));
    return self();
  }

  /** Also sends the {@code sluice.*} meters to {@code registry} (JMX, OTLP, ...). */
  public final B meterRegistry(MeterRegistry registry) {
    monitor = monitor.withRegistry(registry);
    return self();
  }

  /** The monitoring settings {@link #build()} will use. */
  public final MonitorSettings monitorSettings() {
    return monitor;
  }

  /**
   * Binds the source of input {@code name}, replacing the default its {@code @Input} method
   * returns. Untyped, for tools such as the generated main; code should call the typed method of
   * the generated builder instead.
   *
   * @throws IllegalArgumentException if the pipeline has no input of that name
   */
  public final B bindInput(String name, Source<?> source) {
    requirePort(inputs, "input", name);
    boundInputs.put(name, Objects.requireNonNull(source, "source"));
    return self();
  }

  /**
   * Binds the sink of output {@code name}, replacing the default its {@code @Output} method
   * returns. Untyped, like {@link #bindInput}.
   *
   * @throws IllegalArgumentException if the pipeline has no output of that name
   */
  public final B bindOutput(String name, Sink<?> sink) {
    requirePort(outputs, "output", name);
    boundOutputs.put(name, Objects.requireNonNull(sink, "sink"));
    return self();
  }

  /**
   * Whether input or output {@code name} has a source or sink bound by {@link #bindInput}, {@link
   * #bindOutput} or a typed method; if not, {@link #build()} uses the default its {@code @Input} or
   * {@code @Output} method returns. For tools that bind only what is left, such as the test kit.
   */
  public final boolean isBound(String name) {
    return boundInputs.containsKey(name) || boundOutputs.containsKey(name);
  }

  /**
   * Builds the pipeline, ready to {@link StreamingPipeline#start()}.
   *
   * @throws IllegalStateException if an input without a default source (an abstract {@code @Input}
   *     method) has no source bound
   */
  public final StreamingPipeline build() {
    requireInputsBound();
    PipelineProgram program = createProgram(parallelism);
    return new StreamingPipeline(
        program,
        batchInterval,
        parallelism,
        clock,
        listeners,
        checkpoint == null
            ? null
            : new CheckpointSettings(
                checkpoint,
                writeAheadLog,
                snapshotInterval,
                CheckpointSettings.DEFAULT_KEEP_SNAPSHOTS),
        null,
        checkpoint != null && monitor.eventLog() == null
            ? monitor.withEventLog(checkpoint.resolve(EVENTS))
            : monitor);
  }

  /**
   * Builds the pipeline as a bounded run, the batch job of the same code: once started, it reads
   * its inputs (every one a {@link BoundedSource}, such as {@code Sources.textFiles} or {@code
   * Sources.collection}) as consecutive batches as fast as they are processed, with no wall-clock
   * pacing, goes on while its windows drain, writes every batch's outputs, and stops by itself. The
   * outputs are those of a streaming run given the same batches followed by empty ones. Batch times
   * are consecutive multiples of the batch interval from the clock's time at start, as in a
   * streaming run.
   *
   * @throws IllegalArgumentException if an input's source is not bounded
   * @throws IllegalStateException if a checkpoint directory is set: a bounded run is run again from
   *     its inputs, not recovered; or if an input without a default source has no source bound
   */
  public final StreamingPipeline buildOnce() {
    requireInputsBound();
    if (checkpoint != null) {
      throw new IllegalStateException(
          "pipeline "
              + pipelineName
              + ": a bounded run takes no "
              + "checkpoint directory; run it again from its inputs instead");
    }
    Recorded<PipelineProgram> recorded = WindowRecording.record(() -> createProgram(parallelism));
    PipelineProgram program = recorded.created();
    BoundedRun bounded;
    try {
      bounded = BoundedRun.of(program, recorded.windows());
    } catch (IllegalArgumentException e) {
      // close the sources and sinks already made: an unstarted pipeline closes them on stop
      new StreamingPipeline(
              program,
              batchInterval,
              parallelism,
              clock,
              List.of(),
              null,
              null,
              MonitorSettings.NONE)
          .close();
      throw e;
    }
    return new StreamingPipeline(
        program,
        batchInterval,
        parallelism,
        BatchClock.unpaced(clock),
        listeners,
        null,
        bounded,
        monitor);
  }

  /**
   * Runs the pipeline once over its bounded inputs ({@link #buildOnce()}) and returns when it is
   * done and its sources and sinks are closed.
   *
   * @throws IllegalArgumentException if an input's source is not bounded
   * @throws PipelineFailedException if a batch failed
   * @throws InterruptedException if interrupted while waiting; the run is then stopped at once
   */
  public final void runOnce() throws InterruptedException {
    StreamingPipeline pipeline = buildOnce();
    pipeline.start();
    try {
      pipeline.awaitTermination();
    } finally {
      pipeline.close();
    }
  }

  /** The source bound to input {@code name}, or {@code null} to use the default. */
  @SuppressWarnings("unchecked") // the typed setters only bind sources of the input's type
  protected final <T> Source<T> boundInput(String name) {
    return (Source<T>) boundInputs.get(name);
  }

  /** The sink bound to output {@code name}, or {@code null} to use the default. */
  @SuppressWarnings("unchecked") // the typed setters only bind sinks of the output's type
  protected final <T> Sink<T> boundOutput(String name) {
    return (Sink<T>) boundOutputs.get(name);
  }

  /**
   * Creates the compiled program with the bound sources and sinks (the defaults where none is
   * bound), sized for {@code parallelism} partitions.
   */
  protected abstract PipelineProgram createProgram(int parallelism);

  /**
   * The inputs without a default source that have none bound, in declaration order; {@link
   * #build()} refuses to run while any is left. For tools that bind inputs, such as the generated
   * main, to report them their own way.
   */
  public final List<Port> unboundInputs() {
    return inputs.stream()
        .filter(port -> !port.hasDefault() && !boundInputs.containsKey(port.name()))
        .toList();
  }

  private void requireInputsBound() {
    List<Port> unbound = unboundInputs();
    if (!unbound.isEmpty()) {
      Port input = unbound.get(0);
      throw new IllegalStateException(
          "input '"
              + input.name()
              + "' of pipeline "
              + pipelineName
              + " has no default source; bind one with ."
              + input.name()
              + "(source)"
              + (input.text() ? " or --" + input.name() + " URI" : ""));
    }
  }

  @SuppressWarnings("unchecked") // B is the generated subclass by contract
  private B self() {
    return (B) this;
  }

  private void requirePort(List<Port> ports, String kind, String name) {
    for (Port port : ports) {
      if (port.name().equals(name)) {
        return;
      }
    }
    List<String> names = ports.stream().map(Port::name).toList();
    throw new IllegalArgumentException(
        "pipeline "
            + pipelineName
            + " has no "
            + kind
            + " '"
            + name
            + "'; its "
            + kind
            + "s are "
            + names);
  }

  /**
   * An input or output of a pipeline as tools see it.
   *
   * @param name the stage name
   * @param type the record type as written in the pipeline class, such as {@code String}
   * @param text whether the records are {@code String}s, so that a text source such as a socket can
   *     be bound to it by URI
   * @param hasDefault whether its method supplies a default source or sink; {@code false} for an
   *     abstract {@code @Input}, which must be bound before {@link #build()}
   */
  public record Port(String name, String type, boolean text, boolean hasDefault) {

    /** A port with a default source or sink. */
    public Port(String name, String type, boolean text) {
      this(name, type, text, true);
    }
  }
}
