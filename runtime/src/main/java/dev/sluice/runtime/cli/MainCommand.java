package dev.sluice.runtime.cli;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.PipelineBuilder.Port;
import dev.sluice.runtime.StreamingPipeline;
import dev.sluice.runtime.ui.HistoryServer;
import dev.sluice.runtime.ui.MonitorSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generated main's work, returning an exit status instead of exiting so that it can be tested:
 * parse the flags, print the usage or an error, set up logging, bind sources and sinks, then run
 * the pipeline until it stops.
 *
 * <p>Exit status: 0 after {@code --help}, a stop (Ctrl-C, {@code --batches}) or the end of a
 * bounded run ({@code --once}); 2 for a bad command line, reported as one {@code error: ...} line
 * and a pointer to {@code --help}; 1 when the pipeline cannot be built or fails, reported as {@code
 * error: <message>} (the log has the details).
 *
 * <p><b>Threads:</b> {@link #run} runs on the main thread. On Ctrl-C the JVM runs a shutdown hook
 * on its own thread, which asks the pipeline for a graceful stop and waits up to {@link
 * #STOP_TIMEOUT} for it, while the main thread returns from its wait; the hook is removed when the
 * pipeline stops by itself. <b>Visibility:</b> the hook and the {@code --batches} listener get the
 * pipeline through a final capture and an {@code AtomicReference} set before {@code start()}, which
 * happens-before both their runs.
 */
final class MainCommand {

  /** How long a Ctrl-C waits for the pipeline to process what it received. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final PrintStream out;
  private final PrintStream err;
  private final Properties systemProperties;

  /**
   * @param out where the usage goes
   * @param err where errors go
   * @param systemProperties where the logging settings go: {@link System#getProperties()}
   */
  MainCommand(PrintStream out, PrintStream err, Properties systemProperties) {
    this.out = out;
    this.err = err;
    this.systemProperties = systemProperties;
  }

  /** Runs the pipeline of {@code builders} as {@code args} say; the exit status. */
  int run(String[] args, Supplier<? extends PipelineBuilder<?>> builders) {
    // Generated builders create no logger, so asking for one before the log settings is safe.
    PipelineBuilder<?> builder = builders.get();
    MainOptions options;
    try {
      options = MainOptions.parse(args, builder.inputs(), builder.outputs());
      if (options.help()) {
        out.print(Usage.of(builder));
        out.flush();
        return 0;
      }
      LogSettings.apply(systemProperties, options.logLevel().orElse(null));
      options.applyTo(builder);
    } catch (UsageException e) {
      return usageError(e.getMessage());
    }
    if (options.history().isPresent()) {
      return serveHistory(options);
    }
    if (!builder.unboundInputs().isEmpty()) {
      return usageError(unbound(builder.pipelineName(), builder.unboundInputs().get(0)));
    }
    AtomicReference<StreamingPipeline> started = new AtomicReference<>();
    if (options.batches().isPresent()) {
      Runnable stop = () -> started.get().requestStop(true);
      builder.listener(new StopAfterBatches(options.batches().getAsLong(), stop));
    }
    StreamingPipeline pipeline;
    try {
      pipeline = options.once() ? builder.buildOnce() : builder.build();
    } catch (RuntimeException e) {
      return failed(e);
    }
    started.set(pipeline); // before start(): the listener only runs once the pipeline started
    return runUntilStopped(pipeline, builder.pipelineName());
  }

  private int usageError(String message) {
    err.println("error: " + message);
    err.println("Run with --help for usage.");
    return 2;
  }

  /** Why the main cannot run with {@code input} unbound, naming its flag if it has one. */
  private static String unbound(String pipeline, Port input) {
    return "input '"
        + input.name()
        + "' of pipeline "
        + pipeline
        + " has no default source; "
        + (input.text()
            ? "bind one with --" + input.name() + " URI"
            : "it reads "
                + input.type()
                + " records, not text, so bind one in code with ."
                + input.name()
                + "(source)");
  }

  private int runUntilStopped(StreamingPipeline pipeline, String name) {
    Thread hook = new Thread(() -> stopOnShutdown(pipeline, name), "sluice-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      pipeline.start();
      pipeline.awaitTermination();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.close();
      err.println("error: interrupted while running " + name);
      return 1;
    } catch (RuntimeException e) {
      pipeline.close();
      return failed(e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is shutting down (Ctrl-C): the hook is running and finishes the stop.
      }
    }
  }

  /** {@code --history DIR}: serves the logged runs until Ctrl-C. */
  private int serveHistory(MainOptions options) {
    Path directory = options.history().orElseThrow();
    HistoryServer server;
    try {
      server =
          HistoryServer.start(
              directory,
              options.uiHost().orElse(MonitorSettings.LOOPBACK),
              options.uiPort().orElse(MonitorSettings.FIRST_FREE_FROM_4040));
    } catch (IOException e) {
      err.println("error: cannot serve the history of " + directory + ": " + e.getMessage());
      return 1;
    }
    LoggerFactory.getLogger(MainCommand.class)
        .info("History of {} at {}; Ctrl-C stops it", directory, server.address());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "sluice-history-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop();
    }
    return 0;
  }

  private int failed(RuntimeException e) {
    err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    return 1;
  }

  private static void stopOnShutdown(StreamingPipeline pipeline, String name) {
    Logger log = LoggerFactory.getLogger(MainCommand.class);
    String timeout = DurationSyntax.format(STOP_TIMEOUT);
    log.info("Stopping {} gracefully; waiting up to {} for received records", name, timeout);
    pipeline.requestStop(true);
    try {
      if (!pipeline.awaitTermination(STOP_TIMEOUT)) {
        log.warn("{} did not stop within {}; exiting without waiting further", name, timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (PipelineFailedException e) {
      // The main thread reports the failure.
    }
  }
}
