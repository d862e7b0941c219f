package dev.sluice.runtime.source;

import dev.sluice.api.BatchSource;
import dev.sluice.api.ReceiverSource;
import dev.sluice.api.ReplayableSource;
import dev.sluice.api.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Factories for the built-in sources: a socket text client, files appearing in a directory, an
 * in-memory queue of batches, and the demo input. Each call returns a new source, which is bound
 * to one pipeline run.
 */
public final class Sources {

  private Sources() {}

  /**
   * The built-in demo input: batch {@code i} is one line, cycling through {@code "hello world"},
   * {@code "hello spark"}, {@code "world spark"}. Described as {@code demo}.
   */
  public static ReplayableSource<String> demo() {
    return new DemoSource();
  }

  /**
   * UTF-8 lines from a TCP server, reconnecting when the connection is refused or drops, with
   * {@link SocketOptions#DEFAULTS}. Described as {@code socket host:port}.
   */
  public static ReceiverSource<String> socketText(String host, int port) {
    return socketText(host, port, SocketOptions.DEFAULTS);
  }

  /** Like {@link #socketText(String, int)} with the maximum line length and back-off given. */
  public static ReceiverSource<String> socketText(String host, int port, SocketOptions options) {
    return new SocketTextSource(host, port, options);
  }

  /**
   * One collection of {@code queue} per batch, an empty batch when it is empty, like Spark's
   * {@code queueStream} one at a time. Collections may be added while the pipeline runs, so the
   * queue must be thread-safe, such as a {@link ConcurrentLinkedQueue}. Not replayable: after a
   * crash, the collections of batches that had not committed are lost; use {@link #batches} in
   * tests of recovery.
   */
  public static <T> BatchSource<T> queue(Queue<? extends Collection<T>> queue) {
    return new QueueSource<>(queue);
  }

  /**
   * One of {@code batches} per batch, in order, then empty batches. Replayable: with a checkpoint
   * directory, a pipeline given the same list after a crash goes on where it stopped.
   */
  public static <T> ReplayableSource<T> batches(Collection<? extends Collection<T>> batches) {
    return new BatchListSource<>(batches);
  }

  /**
   * The lines of the files that appear in {@code directory}, with a 60 s remember window; see
   * {@link #directory(Path, Duration)}.
   *
   * @throws IllegalArgumentException if {@code directory} is not a directory
   */
  public static ReplayableSource<String> directory(Path directory) {
    return directory(directory, DirectorySource.DEFAULT_REMEMBER);
  }

  /**
   * The lines of the text files that appear in {@code directory}, like Spark's
   * {@code textFileStream}: each batch reads, in file-name order, the regular files modified
   * since the source was created that it has not read yet, ignoring names that start with
   * {@code .} or {@code _} (write such a file, then rename it). A file must show up within
   * {@code remember} (or one batch interval, if longer) of its modification time to be read.
   *
   * @throws IllegalArgumentException if {@code directory} is not a directory
   */
  public static ReplayableSource<String> directory(Path directory, Duration remember) {
    return new DirectorySource(directory, remember, System.currentTimeMillis());
  }

  /**
   * The text source a URI names, for command lines: {@code socket://host:port},
   * {@code file:///absolute/dir}, {@code dir:relative/dir} or {@code demo:}.
   *
   * @throws IllegalArgumentException if the URI is malformed or names no source, with a message
   *     saying what would be right
   */
  public static Source<String> fromUri(String uri) {
    return SourceUri.parse(uri);
  }
}
