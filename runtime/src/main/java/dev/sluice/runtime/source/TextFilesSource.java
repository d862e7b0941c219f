package dev.sluice.runtime.source;

import dev.sluice.api.BoundedSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a fixed list of text files, in list order, cut into batches of a number of lines or
 * of whole files: the bounded counterpart of {@link DirectorySource}. Files are read as UTF-8
 * (malformed bytes become U+FFFD) and split at {@code \n}, {@code \r\n} or {@code \r}, as {@code
 * DirectorySource} reads them; one file at a time is open.
 *
 * <p>Not thread-safe: {@link #nextBatch}, {@link #exhausted} and {@link #close} are called by the
 * driver thread only. <b>Allocation:</b> one list and one string per line.
 */
final class TextFilesSource implements BoundedSource<String> {

  private final List<Path> files;
  private final BatchSize size;
  private final String description;
  private int nextFile;
  private BufferedReader reader;

  /** The next line, read ahead so that {@link #exhausted} is known after each batch. */
  private String nextLine;

  /** The lines of {@code files}, {@code size} a batch, described as {@code description}. */
  TextFilesSource(List<Path> files, BatchSize size, String description) {
    this.files = List.copyOf(files);
    this.size = size;
    this.description = description;
  }

  @Override
  public List<String> nextBatch(long batchTimeMs) throws IOException {
    List<String> lines = new ArrayList<>();
    if (size.files()) {
      for (int read = 0; read < size.count() && nextFile < files.size(); read++) {
        readAll(files.get(nextFile++), lines);
      }
    } else {
      while (lines.size() < size.count() && hasLine()) {
        lines.add(nextLine);
        nextLine = null;
      }
      hasLine(); // read ahead, for exhausted()
    }
    return lines;
  }

  @Override
  public boolean exhausted() {
    return size.files()
        ? nextFile == files.size()
        : nextLine == null && reader == null && nextFile == files.size();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  /** Whether a line is left, reading it into {@code nextLine} and opening files as needed. */
  private boolean hasLine() throws IOException {
    while (nextLine == null) {
      if (reader == null) {
        if (nextFile == files.size()) {
          return false;
        }
        reader = open(files.get(nextFile++));
      }
      nextLine = reader.readLine();
      if (nextLine == null) {
        close();
      }
    }
    return true;
  }

  private static void readAll(Path file, List<String> lines) throws IOException {
    try (BufferedReader in = open(file)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
  }
}
