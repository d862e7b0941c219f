package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations whose durability the checkpoint files depend on: opening channels (whose
 * {@code force} makes their content durable), creating, renaming and deleting entries, and forcing
 * a directory (which makes those entries durable). Every write of this package goes through the
 * {@link #current()} disk, so that tests can put a disk in its place that forgets, at a simulated
 * power cut, whatever was not forced; a {@code kill -9} keeps the page cache and cannot show a
 * missing {@code force}.
 *
 * <p><b>Threads:</b> the real disk is stateless. {@link #use} is for tests, between runs.
 */
public class Disk {

  private static final Disk REAL = new Disk();
  private static volatile Disk current = REAL;

  /** For subclasses in tests. */
  protected Disk() {}

  /** The disk in use: the real one, except in power-cut tests. */
  static Disk current() {
    return current;
  }

  /** Puts {@code disk} in use ({@code null}: the real one again). For tests. */
  static void use(Disk disk) {
    current = disk == null ? REAL : disk;
  }

  /** Opens a channel on {@code file}. */
  public FileChannel open(Path file, OpenOption... options) throws IOException {
    return FileChannel.open(file, options);
  }

  /** Renames {@code from} to {@code to} atomically, replacing {@code to}. */
  public void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes {@code file}. */
  public void delete(Path file) throws IOException {
    Files.delete(file);
  }

  /** Creates the directory {@code directory}, whose parent exists. */
  public void createDirectory(Path directory) throws IOException {
    Files.createDirectory(directory);
  }

  /** Forces the entries of {@code directory} to disk. */
  public void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
