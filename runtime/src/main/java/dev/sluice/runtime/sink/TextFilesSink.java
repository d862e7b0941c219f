package dev.sluice.runtime.sink;

import dev.sluice.api.Batch;
import dev.sluice.api.IdempotentSink;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes every batch as a directory of text files, like Spark Streaming's {@code
 * saveAsTextFiles(prefix, suffix)}: {@code prefix-TIME_MS[.suffix]/} holding {@code part-00000},
 * {@code part-00001}, ... (one per partition, one record per line, UTF-8, unencodable characters
 * replaced) and an empty {@code _SUCCESS} marker. Empty batches are written too.
 *
 * <p><b>Atomic commit:</b> the batch is first written to {@code .NAME.tmp} beside the target (a
 * hidden name, which the directory source ignores) and then renamed with {@code ATOMIC_MOVE}, so a
 * reader sees either no directory or the whole batch. A leftover temporary directory from a crash
 * is deleted first. If the target exists (a rerun), it is renamed to {@code .NAME.old}, the new
 * batch is renamed into place, and the old one is deleted.
 *
 * <p><b>Durable and idempotent:</b> every file and the temporary directory are forced to disk
 * before the rename, and the parent directory after it, so a written batch survives a power cut. A
 * batch written again after a crash (same time, same records) replaces its directory with the same
 * bytes, so with a replayable source and a checkpoint directory the output is exactly once.
 *
 * <p>Not thread-safe; the runtime calls {@link #write} from one thread at a time.
 *
 * @param <T> the type of the records
 */
final class TextFilesSink<T> implements IdempotentSink<T> {

  private final Path parent;
  private final String prefixName;
  private final String suffix;

  /**
   * @param prefix the path of each batch's directory before {@code -TIME_MS}
   * @param suffix the extension after {@code TIME_MS.}; empty for none
   */
  TextFilesSink(String prefix, String suffix) {
    if (prefix.isEmpty() || prefix.endsWith("/") || prefix.endsWith(File.separator)) {
      throw new IllegalArgumentException(
          "text files prefix '" + prefix + "' must end with a name, such as /out/counts");
    }
    if (suffix.contains("/") || suffix.contains(File.separator)) {
      throw new IllegalArgumentException(
          "text files suffix '" + suffix + "' must not contain a path separator");
    }
    Path path = Path.of(prefix).toAbsolutePath().normalize();
    this.parent = path.getParent();
    this.prefixName = path.getFileName().toString();
    this.suffix = suffix;
  }

  @Override
  public void write(Batch<T> batch) throws IOException {
    String name = prefixName + "-" + batch.time() + (suffix.isEmpty() ? "" : "." + suffix);
    Path target = parent.resolve(name);
    Path temp = parent.resolve("." + name + ".tmp");
    Files.createDirectories(parent);
    deleteIfPresent(temp);
    Files.createDirectory(temp);
    for (int p = 0; p < batch.partitionCount(); p++) {
      writePart(temp.resolve(String.format("part-%05d", p)), batch.partition(p));
    }
    writePart(temp.resolve("_SUCCESS"), List.of());
    forceDirectory(temp);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      // A directory cannot be renamed over a non-empty one: move the old batch aside first.
      Path old = parent.resolve("." + name + ".old");
      deleteIfPresent(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      deleteIfPresent(old);
    } else {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
    forceDirectory(parent);
  }

  /** Writes {@code records} to a new {@code file}, one per line, and forces it to disk. */
  private static <T> void writePart(Path file, List<T> records) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      // An OutputStreamWriter replaces unencodable characters where Files.newBufferedWriter throws.
      Writer out =
          new BufferedWriter(
              new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
      for (int i = 0, n = records.size(); i < n; i++) {
        out.write(String.valueOf(records.get(i)));
        out.write('\n');
      }
      out.flush();
      channel.force(true);
    }
  }

  /** Forces a directory's entries (files created or renamed in it) to disk. */
  private static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void deleteIfPresent(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
