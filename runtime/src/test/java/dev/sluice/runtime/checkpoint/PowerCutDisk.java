package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A disk that forgets, at {@link #cut()}, what a power cut would: the bytes of each file past the
 * length it had when last forced, and every entry created, renamed or deleted in a directory that
 * was not forced since. What a test reads before the cut is the page cache; after it, the disk.
 *
 * <p>The model fits how the checkpoint files are written: appends and truncations only, so a file's
 * durable content is a prefix. Not thread-safe: the tests drive it from one thread.
 */
final class PowerCutDisk extends Disk {

  /** A directory operation not yet forced, to undo at the cut. */
  private sealed interface Pending permits Created, Moved, Deleted {
    Path directory();
  }

  private record Created(Path path) implements Pending {
    public Path directory() {
      return path.getParent();
    }
  }

  private record Moved(Path from, Path to, byte[] replaced) implements Pending {
    public Path directory() {
      return to.getParent();
    }
  }

  private record Deleted(Path path, byte[] content) implements Pending {
    public Path directory() {
      return path.getParent();
    }
  }

  private final Map<Path, Long> durableLength = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();

  @Override
  public FileChannel open(Path file, OpenOption... options) throws IOException {
    Path path = file.toAbsolutePath();
    boolean existed = Files.exists(path);
    FileChannel channel = FileChannel.open(path, options);
    if (!existed) {
      pending.add(new Created(path));
      durableLength.put(path, 0L);
    } else {
      durableLength.putIfAbsent(
          path,
          Set.of(options).contains(StandardOpenOption.TRUNCATE_EXISTING) ? 0L : Files.size(path));
    }
    return new Tracked(channel, path);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    Path source = from.toAbsolutePath();
    Path target = to.toAbsolutePath();
    byte[] replaced = Files.exists(target) ? Files.readAllBytes(target) : null;
    super.move(source, target);
    pending.add(new Moved(source, target, replaced));
    Long length = durableLength.remove(source);
    if (length != null) {
      durableLength.put(target, length);
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    Path path = file.toAbsolutePath();
    byte[] content = Files.readAllBytes(path);
    super.delete(path);
    pending.add(new Deleted(path, content));
  }

  @Override
  public void createDirectory(Path directory) throws IOException {
    Path path = directory.toAbsolutePath();
    super.createDirectory(path);
    pending.add(new Created(path));
  }

  @Override
  public void forceDirectory(Path directory) throws IOException {
    Path path = directory.toAbsolutePath();
    super.forceDirectory(path);
    pending.removeIf(operation -> operation.directory().equals(path));
  }

  /** The power cut: file contents back to their forced length, unforced entries undone. */
  void cut() throws IOException {
    for (Map.Entry<Path, Long> file : durableLength.entrySet()) {
      if (Files.isRegularFile(file.getKey()) && Files.size(file.getKey()) > file.getValue()) {
        try (FileChannel channel = FileChannel.open(file.getKey(), StandardOpenOption.WRITE)) {
          channel.truncate(file.getValue());
        }
      }
    }
    for (int i = pending.size() - 1; i >= 0; i--) {
      Pending operation = pending.get(i);
      if (operation instanceof Created created) {
        deleteTree(created.path());
      } else if (operation instanceof Moved moved) {
        if (Files.exists(moved.to())) {
          Files.move(moved.to(), moved.from(), StandardCopyOption.REPLACE_EXISTING);
        }
        if (moved.replaced() != null) {
          Files.write(moved.to(), moved.replaced());
        }
      } else if (operation instanceof Deleted deleted) {
        Files.write(deleted.path(), deleted.content());
      }
    }
    pending.clear();
    durableLength.clear();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A channel that records, when forced, the length its file has then. */
  private final class Tracked extends ForwardingChannel {
    private final Path path;

    Tracked(FileChannel channel, Path path) {
      super(channel);
      this.path = path;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      super.force(metaData);
      durableLength.put(path, size());
    }
  }
}
