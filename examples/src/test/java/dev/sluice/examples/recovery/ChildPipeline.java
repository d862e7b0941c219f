package dev.sluice.examples.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A generated main run in a child JVM with this JVM's class path, its output appended to a log
 * file, so that a test can kill it with SIGKILL or let a crash point halt it.
 */
final class ChildPipeline implements AutoCloseable {

  private final Process process;

  private ChildPipeline(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code mainClass} with {@code args}; {@code crashPoint} (such as {@code after-plan:3})
   * arms a crash point, or is {@code null}.
   */
  static ChildPipeline start(String mainClass, List<String> args, String crashPoint, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1"); // these runs are short: start fast, not peak speed
    if (crashPoint != null) {
      command.add("-Dsluice.crashpoint=" + crashPoint);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Files.writeString(
        log,
        "$ " + String.join(" ", command.subList(1, command.size())) + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new ChildPipeline(builder.start());
  }

  /** Whether the JVM is still running. */
  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the JVM ends at once, running no shutdown hook and flushing nothing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits up to {@code seconds} for the JVM to end by itself: its exit status, or -1. */
  int awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
