package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a crash or a power cut: a file appears whole or not at all, and once a method
 * returns, what it wrote is on disk.
 */
public final class DurableFiles {

  private DurableFiles() {}

  /**
   * Writes {@code content} to {@code target} so that the file is either absent, its old content, or
   * all of {@code content}: write {@code .NAME.tmp} beside it, force it, rename it over {@code
   * target}, force the directory.
   */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (FileChannel channel =
        Disk.current()
            .open(
                temp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Disk.current().move(temp, target);
    forceDirectory(target.getParent());
  }

  /**
   * Forces a directory's entries to disk, so that files created, renamed or deleted in it stay so
   * after a power cut (a file's own {@code force} does not cover its name).
   */
  public static void forceDirectory(Path directory) throws IOException {
    Disk.current().forceDirectory(directory);
  }

  /** Creates {@code directory} and its missing parents, forcing each new entry to disk. */
  public static void createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    createDirectories(absolute.getParent());
    Disk.current().createDirectory(absolute);
    forceDirectory(absolute.getParent());
  }

  /**
   * Deletes the temporary files ({@code .NAME.tmp}) a crash left in {@code directory}; returns how
   * many.
   */
  static int deleteTemporaries(Path directory) throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(directory, ".*.tmp")) {
      for (Path temporary : temporaries) {
        if (Files.isRegularFile(temporary)) {
          Disk.current().delete(temporary);
          deleted++;
        }
      }
    }
    if (deleted > 0) {
      forceDirectory(directory);
    }
    return deleted;
  }
}
