package dev.sluice.runtime.engine;

import java.util.List;

/** The live threads of a pipeline, found by their {@code sluice-<pipeline>-} names. */
public final class SluiceThreads {

  private SluiceThreads() {}

  /** The names of the live threads of pipeline {@code pipeline}. */
  public static List<String> of(String pipeline) {
    String prefix = "sluice-" + pipeline + "-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .sorted()
        .toList();
  }
}
