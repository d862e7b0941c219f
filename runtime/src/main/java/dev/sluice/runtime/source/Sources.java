package dev.sluice.runtime.source;

import dev.sluice.api.BatchSource;
import dev.sluice.api.BoundedSource;
import dev.sluice.api.ReceiverSource;
import dev.sluice.api.ReplayableSource;
import dev.sluice.api.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Factories for the built-in sources: a socket text client, files appearing in a directory, an
 * in-memory queue of batches, the demo input, and the bounded inputs of a bounded run (text files
 * as they are now, in-memory batches or records). Each call returns a new source, which is bound to
 * one pipeline run.
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
   * One collection of {@code queue} per batch, an empty batch when it is empty, like Spark's {@code
   * queueStream} one at a time. Collections may be added while the pipeline runs, so the queue must
   * be thread-safe, such as a {@link ConcurrentLinkedQueue}. Not replayable: after a crash, the
   * collections of batches that had not committed are lost; use {@link #batches} in tests of
   * recovery.
   */
  public static <T> BatchSource<T> queue(Queue<? extends Collection<T>> queue) {
    return new QueueSource<>(queue);
  }

  /**
   * One of {@code batches} per batch, in order, then empty batches. Replayable: with a checkpoint
   * directory, a pipeline given the same list after a crash goes on where it stopped. Also a {@link
   * BoundedSource}, so a bounded run can read it. The collections are copied now.
   */
  public static <T> ReplayableSource<T> batches(Collection<? extends Collection<T>> batches) {
    return new BatchListSource<>(batches);
  }

  /**
   * The records of {@code records}, in order, {@code batchSize} a batch (the last batch may hold
   * fewer), then empty batches: an in-memory bounded input. The records are copied now.
   *
   * @throws IllegalArgumentException if {@code batchSize} is less than 1
   */
  public static <T> BoundedSource<T> collection(Collection<T> records, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    List<T> all = new ArrayList<>(records);
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += batchSize) {
      batches.add(all.subList(from, Math.min(all.size(), from + batchSize)));
    }
    return new BatchListSource<>(batches, "collection of " + all.size() + " records");
  }

  /**
   * The lines of {@code files}, in order, cut into batches of {@code batchSize} lines or files,
   * then empty batches: a bounded input. Files are read as UTF-8 when their batch comes.
   */
  public static BoundedSource<String> textFiles(List<Path> files, BatchSize batchSize) {
    return new TextFilesSource(files, batchSize, describe(files.size(), batchSize));
  }

  /**
   * The lines of the files {@code paths} names, as {@link #textFiles(List, BatchSize)}: directories
   * (their regular files as they are now, in name order, skipping names that start with {@code .}
   * or {@code _}), files, and globs such as {@code logs/*.txt}, separated by commas. The files are
   * listed now.
   *
   * @throws IllegalArgumentException if a named file or directory does not exist or a glob matches
   *     nothing
   */
  public static BoundedSource<String> textFiles(String paths, BatchSize batchSize) {
    List<Path> files = FileSet.resolve(paths);
    return new TextFilesSource(files, batchSize, describe(files.size(), batchSize) + " " + paths);
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
   * The lines of the text files that appear in {@code directory}, like Spark's {@code
   * textFileStream}: each batch reads, in file-name order, the regular files modified since the
   * source was created that it has not read yet, ignoring names that start with {@code .} or {@code
   * _} (write such a file, then rename it). A file must show up within {@code remember} (or one
   * batch interval, if longer) of its modification time to be read.
   *
   * @throws IllegalArgumentException if {@code directory} is not a directory
   */
  public static ReplayableSource<String> directory(Path directory, Duration remember) {
    return new DirectorySource(directory, remember, System.currentTimeMillis());
  }

  /**
   * The text source a URI names, for command lines: {@code socket://host:port}, {@code
   * file:///absolute/dir}, {@code dir:relative/dir}, {@code demo:}, or {@code files:paths} for
   * {@link #textFiles(String, BatchSize)} one file a batch; or a scheme a module on the class path
   * installs ({@link SourceScheme}), such as {@code kafka://host:port/topic} of {@code
   * sluice-kafka}.
   *
   * @throws IllegalArgumentException if the URI is malformed or names no source, with a message
   *     saying what would be right
   */
  public static Source<String> fromUri(String uri) {
    return fromUri(uri, BatchSize.files(1));
  }

  /** Like {@link #fromUri(String)}, with {@code files:} inputs cut into {@code batchSize}. */
  public static Source<String> fromUri(String uri, BatchSize batchSize) {
    return SourceUri.parse(uri, batchSize);
  }

  /**
   * The bounded text source a URI names, for a bounded run's command line: {@code files:paths}, and
   * a directory ({@code file:///absolute/dir} or {@code dir:relative/dir}) read as it is now, each
   * cut into {@code batchSize}.
   *
   * @throws IllegalArgumentException if the URI is malformed or names a source with no end
   */
  public static BoundedSource<String> boundedFromUri(String uri, BatchSize batchSize) {
    return SourceUri.parseBounded(uri, batchSize);
  }

  private static String describe(int files, BatchSize batchSize) {
    return "text files (" + files + (files == 1 ? " file, " : " files, ") + batchSize + " a batch)";
  }

  /**
   * How the URIs of the schemes that modules on the class path install ({@link SourceScheme}) are
   * named in help and errors: {@code " (installed: kafka://)"}, or an empty string when there are
   * none.
   */
  public static String installedSchemes() {
    return SourceSchemes.installed();
  }
}
