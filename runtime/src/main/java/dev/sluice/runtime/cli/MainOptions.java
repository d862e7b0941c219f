package dev.sluice.runtime.cli;

import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.PipelineBuilder.Port;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.BatchSize;
import dev.sluice.runtime.source.Sources;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The flags of a generated main, parsed GNU style ({@code --flag value} or {@code --flag=value}):
 * one flag per input and output of the pipeline plus the common ones. Parsing checks every flag and
 * value and never exits, so that it can be tested; {@link MainCommand} reports the {@link
 * UsageException}.
 */
final class MainOptions {

  /** The levels {@code --log-level} accepts, from the fewest messages to the most. */
  static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

  private static final String BATCH_INTERVAL = "batch-interval";
  private static final String PARALLELISM = "parallelism";
  private static final String BATCHES = "batches";
  private static final String CHECKPOINT = "checkpoint";
  private static final String LOG_LEVEL = "log-level";
  private static final String ONCE = "once";
  private static final String NO_WRITE_AHEAD_LOG = "no-write-ahead-log";
  private static final String CHECKPOINT_INTERVAL = "checkpoint-interval";
  private static final String BATCH_SIZE = "batch-size";
  private static final String UI_PORT = "ui-port";
  private static final String UI_HOST = "ui-host";
  private static final String NO_UI = "no-ui";

  /** The flags that take no value: given, they are on. */
  private static final List<String> SWITCHES = List.of(ONCE, NO_UI, NO_WRITE_AHEAD_LOG);

  private static final String EVENT_LOG = "event-log";
  private static final String HISTORY = "history";
  private static final String HELP = "help";

  private final boolean help;
  private Duration batchInterval;
  private Integer parallelism;
  private Long batches;
  private Path checkpoint;
  private String logLevel;
  private boolean once;
  private boolean noWriteAheadLog;
  private Duration checkpointInterval;
  private BatchSize batchSize;
  private Integer uiPort;
  private String uiHost;
  private boolean noUi;
  private Path eventLog;
  private Path history;
  private final Map<String, String> inputUris = new LinkedHashMap<>();
  private final Map<String, String> outputUris = new LinkedHashMap<>();

  private MainOptions(boolean help) {
    this.help = help;
  }

  /**
   * Parses {@code args} for a pipeline with the given inputs and outputs. {@code --help} (or {@code
   * -h}) anywhere asks for the usage and the other arguments are not checked. A flag's value may
   * not start with {@code --} unless given as {@code --flag=value}. A flag named like a common flag
   * is always the common flag.
   *
   * @throws UsageException for an unknown flag, a missing, repeated or bad value, or a positional
   *     argument
   */
  static MainOptions parse(String[] args, List<Port> inputs, List<Port> outputs)
      throws UsageException {
    for (String arg : args) {
      if (arg.equals("--" + HELP) || arg.equals("-h")) {
        return new MainOptions(true);
      }
    }
    MainOptions options = new MainOptions(false);
    Map<String, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (name.equals(HELP) || SWITCHES.contains(name) && equals >= 0) {
        throw new UsageException("--" + name + " takes no value");
      }
      if (SWITCHES.contains(name)) {
        if (seen.put(name, "") != null) {
          throw new UsageException("--" + name + " given twice");
        }
        options.turnOn(name);
        continue;
      }
      if (!isCommon(name) && find(inputs, name) == null && find(outputs, name) == null) {
        throw new UsageException("unknown flag --" + name);
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      if (seen.put(name, value) != null) {
        throw new UsageException("--" + name + " given twice");
      }
      options.set(name, value, inputs);
    }
    if (options.once && options.batches != null) {
      throw new UsageException(
          "--"
              + BATCHES
              + " cannot be combined with --"
              + ONCE
              + ", which stops by itself once the inputs are read and the windows drained");
    }
    options.checkCombinations();
    return options;
  }

  /** Whether the usage was asked for. */
  boolean help() {
    return help;
  }

  /** The level of {@code --log-level}, if given. */
  Optional<String> logLevel() {
    return Optional.ofNullable(logLevel);
  }

  /** The number of batches of {@code --batches}, if given. */
  OptionalLong batches() {
    return batches == null ? OptionalLong.empty() : OptionalLong.of(batches);
  }

  /** Whether {@code --once} asks for a bounded run. */
  boolean once() {
    return once;
  }

  /** The batch interval of {@code --batch-interval}, if given. */
  Optional<Duration> batchInterval() {
    return Optional.ofNullable(batchInterval);
  }

  /** The parallelism of {@code --parallelism}, if given. */
  OptionalInt parallelism() {
    return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
  }

  /** The event log directory whose runs {@code --history} serves, if given. */
  Optional<Path> history() {
    return Optional.ofNullable(history);
  }

  /** The address of {@code --ui-host}, if given. */
  Optional<String> uiHost() {
    return Optional.ofNullable(uiHost);
  }

  /** The port of {@code --ui-port}, if given. */
  OptionalInt uiPort() {
    return uiPort == null ? OptionalInt.empty() : OptionalInt.of(uiPort);
  }

  /** The directory of {@code --checkpoint}, if given. */
  Optional<Path> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /**
   * Sets the batch interval and parallelism given on {@code builder}, and binds the sources and
   * sinks the input and output URIs name.
   *
   * @throws UsageException if a URI is malformed or names no source or sink
   */
  void applyTo(PipelineBuilder<?> builder) throws UsageException {
    if (batchInterval != null) {
      builder.batchInterval(batchInterval);
    }
    if (parallelism != null) {
      builder.parallelism(parallelism);
    }
    if (checkpoint != null) {
      builder.checkpoint(checkpoint);
    }
    if (noWriteAheadLog) {
      builder.writeAheadLog(false);
    }
    if (checkpointInterval != null) {
      builder.checkpointInterval(checkpointInterval);
    }
    if (noUi) {
      builder.ui(false);
    }
    if (uiHost != null) {
      builder.uiHost(uiHost);
    }
    if (uiPort != null) {
      builder.uiPort(uiPort);
    }
    if (eventLog != null) {
      builder.eventLog(eventLog);
    }
    BatchSize size = batchSize != null ? batchSize : BatchSize.files(1);
    for (Map.Entry<String, String> input : inputUris.entrySet()) {
      Source<String> source;
      try {
        source =
            once
                ? Sources.boundedFromUri(input.getValue(), size)
                : Sources.fromUri(input.getValue(), size);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + input.getKey() + ": " + e.getMessage());
      }
      builder.bindInput(input.getKey(), source);
    }
    for (Map.Entry<String, String> output : outputUris.entrySet()) {
      Sink<Object> sink;
      try {
        sink = Sinks.fromUri(output.getValue());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + output.getKey() + ": " + e.getMessage());
      }
      builder.bindOutput(output.getKey(), sink);
    }
  }

  private void set(String name, String value, List<Port> inputs) throws UsageException {
    switch (name) {
      case BATCH_INTERVAL -> batchInterval = interval(BATCH_INTERVAL, value);
      case CHECKPOINT_INTERVAL -> checkpointInterval = interval(CHECKPOINT_INTERVAL, value);
      case PARALLELISM -> parallelism = (int) positive(PARALLELISM, value, Integer.MAX_VALUE);
      case BATCHES -> batches = positive(BATCHES, value, Long.MAX_VALUE);
      case CHECKPOINT -> checkpoint = directory(value);
      case LOG_LEVEL -> logLevel = level(value);
      case BATCH_SIZE -> batchSize = batchSize(value);
      case UI_PORT -> uiPort = port(value);
      case UI_HOST -> uiHost = host(value);
      case EVENT_LOG -> eventLog = path(EVENT_LOG, value);
      case HISTORY -> history = path(HISTORY, value);
      default -> {
        Port input = find(inputs, name);
        if (input == null) {
          outputUris.put(name, value);
        } else if (input.text()) {
          inputUris.put(name, value);
        } else {
          throw new UsageException(
              "--"
                  + name
                  + ": input '"
                  + name
                  + "' reads "
                  + input.type()
                  + " records, not text, so no URI can bind it");
        }
      }
    }
  }

  private static Duration interval(String flag, String value) throws UsageException {
    Duration interval;
    try {
      interval = DurationSyntax.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + flag + ": " + e.getMessage());
    }
    if (interval.isZero()) {
      throw new UsageException("--" + flag + ": '" + value + "' is not positive");
    }
    return interval;
  }

  private static long positive(String name, String value, long max) throws UsageException {
    String problem = "--" + name + ": '" + value + "' ";
    if (!value.matches("[0-9]+") || value.matches("0+")) {
      throw new UsageException(problem + "is not a positive whole number");
    }
    BigInteger number = new BigInteger(value);
    if (number.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new UsageException(problem + "is too large; the most is " + max);
    }
    return number.longValue();
  }

  private static BatchSize batchSize(String value) throws UsageException {
    try {
      return BatchSize.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + BATCH_SIZE + ": " + e.getMessage());
    }
  }

  private void turnOn(String switchName) {
    switch (switchName) {
      case ONCE -> once = true;
      case NO_UI -> noUi = true;
      case NO_WRITE_AHEAD_LOG -> noWriteAheadLog = true;
      default -> throw new IllegalArgumentException("not a switch: --" + switchName);
    }
  }

  private void checkCombinations() throws UsageException {
    if (checkpointInterval != null && checkpoint == null) {
      throw new UsageException(
          "--"
              + CHECKPOINT_INTERVAL
              + " sets how often state is snapshotted in "
              + "a checkpoint directory; give --"
              + CHECKPOINT
              + " DIR too, or drop it");
    }
    if (noWriteAheadLog && checkpoint == null) {
      throw new UsageException(
          "--"
              + NO_WRITE_AHEAD_LOG
              + " turns off the write-ahead log of "
              + "a checkpoint directory; give --"
              + CHECKPOINT
              + " DIR too, or drop it");
    }
    if (noUi && (uiPort != null || uiHost != null || history != null)) {
      throw new UsageException(
          "--"
              + NO_UI
              + " turns the UI off; drop it or the --"
              + (history != null ? HISTORY : uiPort != null ? UI_PORT : UI_HOST)
              + " flag");
    }
    if (history != null && eventLog != null) {
      throw new UsageException(
          "--"
              + HISTORY
              + " serves logged runs and runs no pipeline, so "
              + "--"
              + EVENT_LOG
              + " has nothing to log");
    }
  }

  private static int port(String value) throws UsageException {
    if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) > 65535) {
      throw new UsageException(
          "--" + UI_PORT + ": '" + value + "' is not a port (0-65535; 0 " + "takes any free port)");
    }
    return Integer.parseInt(value);
  }

  private static String host(String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException("--" + UI_HOST + " needs an address, such as 0.0.0.0");
    }
    return value;
  }

  private static Path path(String flag, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("--" + flag + ": '" + value + "' is not a path");
    }
  }

  private static String level(String value) throws UsageException {
    if (!LOG_LEVELS.contains(value)) {
      throw new UsageException(
          "--" + LOG_LEVEL + ": '" + value + "' is not one of " + String.join(", ", LOG_LEVELS));
    }
    return value;
  }

  private static boolean isCommon(String name) {
    return name.equals(BATCH_INTERVAL)
        || name.equals(PARALLELISM)
        || name.equals(BATCHES)
        || name.equals(CHECKPOINT)
        || name.equals(CHECKPOINT_INTERVAL)
        || name.equals(LOG_LEVEL)
        || name.equals(ONCE)
        || name.equals(BATCH_SIZE)
        || name.equals(UI_PORT)
        || name.equals(UI_HOST)
        || name.equals(EVENT_LOG)
        || name.equals(HISTORY);
  }

  private static Port find(List<Port> ports, String name) {
    for (Port port : ports) {
      if (port.name().equals(name)) {
        return port;
      }
    }
    return null;
  }

  private static Path directory(String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(
          "--" + CHECKPOINT + ": '" + value + "' is not a path: " + e.getReason());
    }
  }
}
