package dev.sluice.runtime.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a bounded text input reads, resolved once when the input is made: a directory's regular
 * files as they are now (in name order, skipping names that start with {@code .} or {@code _}, as
 * the directory source does), a file, or a glob such as {@code logs/*.txt} or {@code logs/**}{@code
 * /*.txt} (matches in path order).
 */
final class FileSet {

  private FileSet() {}

  /**
   * The files of {@code spec}: directories, files and globs separated by commas, in that order.
   *
   * @throws IllegalArgumentException if a named file or directory does not exist or a glob matches
   *     nothing
   */
  static List<Path> resolve(String spec) {
    List<Path> files = new ArrayList<>();
    for (String part : spec.split(",", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("files '" + spec + "' has an empty entry");
      }
      files.addAll(isGlob(part) ? glob(part) : named(Path.of(part)));
    }
    return files;
  }

  /** The regular files of {@code directory} as it is now, in name order. */
  static List<Path> directory(Path directory) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      List<Path> files = new ArrayList<>();
      for (Path file : entries) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".") && !name.startsWith("_") && Files.isRegularFile(file)) {
          files.add(file);
        }
      }
      files.sort(Comparator.comparing(file -> file.getFileName().toString()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list directory " + directory, e);
    }
  }

  private static List<Path> named(Path path) {
    if (Files.isDirectory(path)) {
      return directory(path);
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no such file or directory: " + path);
    }
    return List.of(path);
  }

  private static boolean isGlob(String part) {
    return part.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The files matching {@code pattern}, searched from its longest directory without a glob. */
  private static List<Path> glob(String pattern) {
    String normalized = pattern.replace('\\', '/');
    int firstGlob = firstGlobSegment(normalized);
    String base = firstGlob == 0 ? "." : normalized.substring(0, firstGlob - 1);
    Path root = Path.of(base.isEmpty() ? "/" : base);
    PathMatcher matcher =
        FileSystems.getDefault().getPathMatcher("glob:" + normalized.substring(firstGlob));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(file -> matcher.matches(root.relativize(file)))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("glob '" + pattern + "': cannot search " + root, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no file matches '" + pattern + "'");
    }
    return files;
  }

  /** Where the first path segment with a glob character starts. */
  private static int firstGlobSegment(String pattern) {
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '/') {
        start = i + 1;
      } else if (c == '*' || c == '?' || c == '[' || c == '{') {
        return start;
      }
    }
    return start;
  }
}
