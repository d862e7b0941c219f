package dev.sluice.runtime.cli;

import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.PipelineBuilder.Port;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;

/**
 * The {@code --help} text of a generated main, made from the pipeline's builder: its name, each
 * input and output with its record type, and the common flags with their defaults. The main class
 * is named {@code <Pipeline>Main}, as the processor generates it.
 */
final class Usage {

  private static final int FLAG_WIDTH = 23;

  private Usage() {}

  /** The usage of the main of the pipeline {@code builder} builds, ending with a newline. */
  static String of(PipelineBuilder<?> builder) {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ").append(builder.pipelineName()).append("Main [options]\n");
    text.append("Runs the Sluice pipeline ")
        .append(builder.pipelineName())
        .append(" until stopped; Ctrl-C stops it gracefully.\n")
        .append("With --once, runs it over bounded inputs as fast as it can, lets the windows ")
        .append("drain, and exits.\n\n");
    text.append(
        "Inputs, bound by URI: socket://host:port, file:///dir, dir:path, files:paths "
            + "or demo:"
            + Sources.installedSchemes()
            + "\n");
    for (Port input : builder.inputs()) {
      String given = input.hasDefault() ? "default: set in code" : "required: no default";
      if (input.text()) {
        line(text, "--" + input.name() + " URI", input.type() + " records (" + given + ")");
      } else {
        line(text, input.name(), input.type() + " records (set in code only; not text)");
      }
    }
    text.append("Outputs, bound by URI: stdout, print: or file:///dir/prefix[?suffix=ext]")
        .append(Sinks.installedSchemes())
        .append("\n");
    for (Port output : builder.outputs()) {
      line(text, "--" + output.name() + " URI", output.type() + " records (default: set in code)");
    }
    text.append("Options:\n");
    String interval = DurationSyntax.format(builder.batchInterval());
    line(text, "--batch-interval TIME", "digits then ms, s, m or h (default: " + interval + ")");
    line(
        text,
        "--parallelism N",
        "partitions per batch and worker threads (default: " + builder.parallelism() + ")");
    line(text, "--batches N", "stop gracefully after N batches (default: run until stopped)");
    line(text, "--once", "read the inputs as bounded (files: and the files of a dir: now),");
    line(text, "", "batch after batch with no waiting; drain the windows; exit 0");
    line(
        text,
        "--batch-size N|Nfiles",
        "lines or files per batch of a bounded input (default: " + "1file)");
    line(
        text,
        "--checkpoint DIR",
        "log batches in DIR; resume from it after a crash (default: none)");
    line(
        text,
        "--checkpoint-interval T",
        "with --checkpoint: snapshot state every T (default: 10s)");
    line(text, "--no-write-ahead-log", "with --checkpoint: receivers log nothing (at most once)");
    line(text, "--log-level LEVEL", String.join(", ", MainOptions.LOG_LEVELS) + " (default: info)");
    line(text, "--help", "print this help and exit");
    text.append("Monitoring (docs/monitoring.md):\n");
    line(text, "--ui-port N", "the web UI's port; 0 for any (default: first free from 4040)");
    line(text, "--ui-host HOST", "the address the web UI binds (default: 127.0.0.1)");
    line(text, "--no-ui", "no web UI and no /metrics");
    line(text, "--event-log DIR", "append every batch's events to a log in DIR");
    line(text, "--history DIR", "serve the UI of the runs logged in DIR; runs no pipeline");
    return text.toString();
  }

  private static void line(StringBuilder text, String flag, String description) {
    text.append("  ").append(flag);
    int padding = flag.length() < FLAG_WIDTH ? FLAG_WIDTH - flag.length() : 0;
    text.append(" ".repeat(padding + 2)).append(description).append('\n');
  }
}
