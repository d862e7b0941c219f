package dev.sluice.runtime.cli;

import dev.sluice.runtime.PipelineBuilder;
import java.util.function.Supplier;

/**
 * The body of every generated {@code <Pipeline>Main}: {@code PipelineMain.run(args,
 * WordCountPipeline::builder)}.
 *
 * <p>Flags, GNU style ({@code --flag value} or {@code --flag=value}): {@code --<input> URI} for
 * each text input ({@code socket://host:port}, {@code file:///dir}, {@code dir:path}, {@code
 * files:paths}, {@code demo:}), {@code --<output> URI} for each output ({@code stdout}, {@code
 * print:}, {@code file:///dir/prefix[?suffix=ext]}), {@code --batch-interval 2s}, {@code
 * --parallelism N}, {@code --batches N}, {@code --checkpoint DIR} (fault tolerance), {@code --once}
 * (a bounded run), {@code --batch-size N|Nfiles}, {@code --log-level error|warn|info|debug|trace},
 * {@code --ui-port N}, {@code --ui-host HOST}, {@code --no-ui}, {@code --event-log DIR}, {@code
 * --history DIR} (monitoring) and {@code --help}.
 *
 * <p>This class creates no logger of its own before the flags are read: SLF4J's simple logger reads
 * its settings once, from system properties that {@code --log-level} sets.
 */
public final class PipelineMain {

  private PipelineMain() {}

  /**
   * Parses {@code args}, binds inputs and outputs by URI, runs the pipeline until it stops (or,
   * with {@code --once}, until its bounded inputs are read and its windows drained), and ends the
   * JVM with the exit status: 0 for a stop, a finished bounded run or {@code --help}, 1 for a
   * failed pipeline, 2 for a bad command line.
   */
  public static void run(String[] args, Supplier<? extends PipelineBuilder<?>> builders) {
    MainCommand command = new MainCommand(System.out, System.err, System.getProperties());
    System.exit(command.run(args, builders));
  }
}
