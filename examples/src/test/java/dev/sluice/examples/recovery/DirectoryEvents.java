package dev.sluice.examples.recovery;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Waits on what a child pipeline does to directories (files created, written, renamed, deleted),
 * through the file system's change notifications: a test blocks until the next change, then
 * re-checks its condition, instead of polling on a timer.
 */
final class DirectoryEvents implements AutoCloseable {

  /** What a condition checked after each change may throw. */
  interface Condition {
    boolean holds() throws IOException;
  }

  private final WatchService watch;

  /** Watches {@code directories}, which must exist (not their subdirectories). */
  DirectoryEvents(Path... directories) throws IOException {
    this.watch = FileSystems.getDefault().newWatchService();
    for (Path directory : directories) {
      directory.register(
          watch,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
  }

  /**
   * Returns once {@code condition} holds, checking it now and after every change; fails naming
   * {@code what} if {@code child} ends first or {@code seconds} pass.
   */
  void await(Condition condition, ChildPipeline child, long seconds, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.holds()) {
      if (!child.alive()) {
        fail(what + ": the child ended first");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail(what + ": not within " + seconds + " s");
      }
      // at most a second between checks of the child, which can end without a change
      next(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
    }
  }

  /** Waits for {@code count} more changes; fails if {@code child} ends first or a minute passes. */
  void awaitChanges(int count, ChildPipeline child) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    int seen = 0;
    while (seen < count) {
      if (!child.alive()) {
        fail("the child ended after " + seen + " of " + count + " changes");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("only " + seen + " of " + count + " changes within a minute");
      }
      seen += next(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
    }
  }

  /** Forgets the changes seen so far, so that counting starts now. */
  void clear() {
    WatchKey key;
    while ((key = watch.poll()) != null) {
      key.pollEvents();
      key.reset();
    }
  }

  /** Blocks up to {@code nanos} for changes; how many came (an overflow counts as one). */
  private int next(long nanos) throws InterruptedException {
    WatchKey key = watch.poll(nanos, TimeUnit.NANOSECONDS);
    if (key == null) {
      return 0;
    }
    int changes = Math.max(1, key.pollEvents().size());
    key.reset();
    return changes;
  }

  @Override
  public void close() throws IOException {
    watch.close();
  }
}
