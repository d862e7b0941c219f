package dev.sluice.bench.workload;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hand-written 2-thread WordCount of issue 4: the calling thread counts the first half of a
 * batch and a pooled thread the second half, each into its own map; then the calling thread merges
 * the second map into the first. The pool thread lives as long as this object, so a batch costs a
 * task hand-off, not a thread start.
 *
 * <p><b>Threads:</b> {@link #count} and {@link #close} from one thread at a time.
 */
public final class TwoThreadWordCount implements AutoCloseable {

  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "hand-written-second-half");
            thread.setDaemon(true);
            return thread;
          });

  /** The count of every word of {@code lines}, counted by two threads and merged. */
  public Map<String, long[]> count(List<String> lines) throws InterruptedException {
    int half = lines.size() / 2;
    Future<Map<String, long[]>> second =
        pool.submit(() -> HandWrittenWordCount.count(lines, half, lines.size()));
    Map<String, long[]> first = HandWrittenWordCount.count(lines, 0, half);
    try {
      return HandWrittenWordCount.merge(first, second.get());
    } catch (ExecutionException e) {
      throw new IllegalStateException("the second half failed", e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
