package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.BoundedSource;
import dev.sluice.runtime.ui.MonitorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainOptionsTest {

  private final TestPipelineBuilder builder = new TestPipelineBuilder();

  @Test
  void parsesEveryCommonFlagWithSpaceOrEquals() throws UsageException {
    MainOptions options =
        parse(
            "--batch-interval", "500ms", "--parallelism=3", "--batches", "5", "--log-level=debug");
    assertFalse(options.help());
    assertEquals(Optional.of(Duration.ofMillis(500)), options.batchInterval());
    assertEquals(OptionalInt.of(3), options.parallelism());
    assertEquals(OptionalLong.of(5), options.batches());
    assertEquals(Optional.of("debug"), options.logLevel());
  }

  @Test
  void leavesEverythingUnsetWithoutFlags() throws UsageException {
    MainOptions options = parse();
    options.applyTo(builder);
    assertEquals(Optional.empty(), options.batchInterval());
    assertEquals(OptionalInt.empty(), options.parallelism());
    assertEquals(OptionalLong.empty(), options.batches());
    assertEquals(Optional.empty(), options.logLevel());
    assertEquals(Duration.ofSeconds(2), builder.batchInterval());
    assertNull(builder.input("lines"));
    assertNull(builder.output("counts"));
  }

  @Test
  void appliesIntervalParallelismAndUriBindingsToTheBuilder() throws UsageException {
    parse(
            "--lines",
            "socket://localhost:9999",
            "--counts=stdout",
            "--batch-interval=1m",
            "--parallelism",
            "7")
        .applyTo(builder);
    assertEquals(Duration.ofMinutes(1), builder.batchInterval());
    assertEquals(7, builder.parallelism());
    assertEquals("socket localhost:9999", builder.input("lines").describe());
    assertEquals("PrintSink", builder.output("counts").getClass().getSimpleName());
  }

  @Test
  void onceBindsInputsAsBoundedFilesCutByTheBatchSize(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "x\ny\nz\n", StandardCharsets.UTF_8);
    MainOptions options = parse("--once", "--lines", "dir:" + dir, "--batch-size", "2");
    assertTrue(options.once());
    options.applyTo(builder);
    BoundedSource<?> lines = (BoundedSource<?>) builder.input("lines");
    assertEquals(List.of("x", "y"), lines.nextBatch(0));
    assertEquals("text files (1 file, 2 records a batch)", lines.describe());
    assertFalse(parse("--lines", "dir:" + dir).once());
  }

  @Test
  void onceRefusesSourcesWithNoEndAndAStopAfterBatches() throws UsageException {
    MainOptions socket = parse("--once", "--lines", "socket://localhost:9999");
    UsageException noEnd = assertThrows(UsageException.class, () -> socket.applyTo(builder));
    assertEquals(
        "--lines: source 'socket://localhost:9999' has no end; a bounded run reads "
            + "files:paths, file:///dir or dir:path (the files there now)",
        noEnd.getMessage());
    assertError(
        "--batches cannot be combined with --once, which stops by itself once the inputs "
            + "are read and the windows drained",
        "--once",
        "--batches",
        "3");
    assertError("--once takes no value", "--once=yes");
    assertError("--once given twice", "--once", "--once");
    assertError(
        "--batch-size: batch size '0' must be a number of records or of files, such as "
            + "1000 or 2files, from 1 to 2147483647",
        "--batch-size",
        "0");
  }

  @Test
  void helpAnywhereWinsOverOtherArguments() throws UsageException {
    assertTrue(parse("--bogus", "x", "--help").help());
    assertTrue(parse("-h").help());
  }

  @Test
  void reportsBadCommandLinesExactly() {
    assertError("unknown flag --bogus", "--bogus", "x");
    assertError("unknown flag --bogus", "--bogus");
    assertError("unexpected argument 'lines'", "lines", "demo:");
    assertError("unexpected argument '--'", "--");
    assertError("unexpected argument '-p'", "-p", "2");
    assertError("--help takes no value", "--help=yes");
    assertError("--lines needs a value", "--lines");
    assertError("--lines needs a value", "--lines", "--batches", "2");
    assertError("--batches given twice", "--batches", "2", "--batches=3");
    assertError(
        "--events: input 'events' reads Event records, not text, so no URI can bind it",
        "--events",
        "demo:");
    assertError(
        "--batch-interval: '2 s' is not a duration; use digits then ms, s, m or h, such as 500ms "
            + "or 2s",
        "--batch-interval",
        "2 s");
    assertError("--batch-interval: '0ms' is not positive", "--batch-interval=0ms");
    assertError("--parallelism: 'four' is not a positive whole number", "--parallelism", "four");
    assertError("--parallelism: '0' is not a positive whole number", "--parallelism", "0");
    assertError("--parallelism: '-1' is not a positive whole number", "--parallelism=-1");
    assertError(
        "--parallelism: '2147483648' is too large; the most is 2147483647",
        "--parallelism",
        "2147483648");
    assertError("--batches: '' is not a positive whole number", "--batches=");
    assertError(
        "--batches: '99999999999999999999' is too large; the most is 9223372036854775807",
        "--batches",
        "99999999999999999999");
    assertError(
        "--log-level: 'loud' is not one of error, warn, info, debug, trace", "--log-level", "loud");
  }

  @Test
  void reportsBadUrisWithTheFlagName() throws UsageException {
    MainOptions badSource = parse("--lines", "kafka://broker/topic");
    UsageException source = assertThrows(UsageException.class, () -> badSource.applyTo(builder));
    assertEquals(
        "--lines: unknown source URI scheme 'kafka' in 'kafka://broker/topic'; "
            + "use socket://host:port, file:///dir, dir:path, files:paths or demo:",
        source.getMessage());
    MainOptions badSink = parse("--counts", "stderr");
    UsageException sink = assertThrows(UsageException.class, () -> badSink.applyTo(builder));
    assertEquals(
        "--counts: sink URI 'stderr' has no scheme; "
            + "use stdout, print: or file:///dir/prefix[?suffix=ext]",
        sink.getMessage());
  }

  @Test
  void appliesTheMonitoringFlagsToTheBuilder(@TempDir Path logs) throws UsageException {
    assertEquals(MonitorSettings.DEFAULTS, builder.monitorSettings());
    parse("--ui-port", "4050", "--ui-host=0.0.0.0", "--event-log", logs.toString())
        .applyTo(builder);
    assertEquals(
        new MonitorSettings(true, "0.0.0.0", 4050, logs, List.of()), builder.monitorSettings());
  }

  @Test
  void noUiTakesNoValueAndTurnsTheUiOff() throws UsageException {
    parse("--no-ui", "--batches", "2").applyTo(builder);
    assertFalse(builder.monitorSettings().ui());
    assertError("--no-ui takes no value", "--no-ui=true");
    assertError("--no-ui given twice", "--no-ui", "--no-ui");
    assertError(
        "--no-ui turns the UI off; drop it or the --ui-port flag", "--no-ui", "--ui-port", "4040");
  }

  @Test
  void theCheckpointIntervalGoesWithACheckpointDirectory() throws UsageException {
    parse("--checkpoint", "ckpt", "--checkpoint-interval", "5s").applyTo(builder);
    assertEquals(java.time.Duration.ofSeconds(5), builder.checkpointInterval());
    assertError(
        "--checkpoint-interval sets how often state is snapshotted in a checkpoint directory; "
            + "give --checkpoint DIR too, or drop it",
        "--checkpoint-interval",
        "5s");
    assertError(
        "--checkpoint-interval: '0s' is not positive",
        "--checkpoint",
        "c",
        "--checkpoint-interval",
        "0s");
  }

  @Test
  void noWriteAheadLogGoesWithACheckpointDirectory() throws UsageException {
    parse("--checkpoint", "ckpt").applyTo(builder);
    assertEquals(Path.of("ckpt"), builder.checkpoint());
    assertTrue(builder.writeAheadLog());
    parse("--checkpoint", "ckpt", "--no-write-ahead-log").applyTo(builder);
    assertFalse(builder.writeAheadLog());
    assertError(
        "--no-write-ahead-log turns off the write-ahead log of a checkpoint directory; "
            + "give --checkpoint DIR too, or drop it",
        "--no-write-ahead-log");
    assertError("--no-write-ahead-log takes no value", "--no-write-ahead-log=yes");
    assertError(
        "--no-write-ahead-log given twice",
        "--checkpoint",
        "c",
        "--no-write-ahead-log",
        "--no-write-ahead-log");
  }

  @Test
  void historyNamesTheDirectoryToServe() throws UsageException {
    assertEquals(Optional.of(Path.of("logs")), parse("--history", "logs").history());
    assertEquals(OptionalInt.of(0), parse("--history", "logs", "--ui-port", "0").uiPort());
    assertError(
        "--history serves logged runs and runs no pipeline, so --event-log has nothing " + "to log",
        "--history",
        "logs",
        "--event-log",
        "logs");
  }

  @Test
  void rejectsBadPorts() {
    assertError(
        "--ui-port: '65536' is not a port (0-65535; 0 takes any free port)", "--ui-port", "65536");
    assertError(
        "--ui-port: 'http' is not a port (0-65535; 0 takes any free port)", "--ui-port", "http");
  }

  private MainOptions parse(String... args) throws UsageException {
    return MainOptions.parse(args, builder.inputs(), builder.outputs());
  }

  private void assertError(String expected, String... args) {
    UsageException e = assertThrows(UsageException.class, () -> parse(args));
    assertEquals(expected, e.getMessage());
  }
}
