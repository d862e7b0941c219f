package dev.sluice.bench.endtoend;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one part of the end-to-end benchmark in a fresh JVM with this JVM's flags and class path,
 * and takes back its figures. A pipeline measured after other pipelines in the same JVM runs code
 * that the JIT compiled for all of them (shared runtime methods become polymorphic) on a heap that
 * they shaped; in production a JVM runs one pipeline, so the latency runs each get their own, as
 * JMH forks a JVM per benchmark.
 *
 * <p><b>Threads:</b> the benchmark's main thread; the child's output goes straight to this
 * process's standard output and error.
 */
final class FreshJvm {

  private FreshJvm() {}

  /**
   * Runs {@code EndToEnd} with {@code args} (plus {@code --out} to a temporary file) in a new JVM,
   * waits for it, and adds its figures to {@code results}.
   *
   * @throws IllegalStateException if the child JVM fails
   */
  static void run(List<String> args, Results results) throws IOException, InterruptedException {
    Path out = Files.createTempFile("sluice-endtoend-", ".tsv");
    try {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(EndToEnd.class.getName());
      command.addAll(args);
      command.add("--out");
      command.add(out.toString());
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "the JVM running EndToEnd " + String.join(" ", args) + " exited with " + exit);
      }
      results.include(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
