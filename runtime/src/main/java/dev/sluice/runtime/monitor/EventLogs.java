package dev.sluice.runtime.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs an event log directory holds, and their replay into a {@link MonitorState}, for the
 * history server.
 *
 * <p><b>Threads:</b> stateless; any thread. A log still being written may be read: a torn last line
 * is skipped.
 */
public final class EventLogs {

  private EventLogs() {}

  /**
   * One run's log.
   *
   * @param id the file name without its suffixes, such as {@code WordCount-1764032398000}
   * @param file the log file
   * @param inProgress whether the run was still going (or died) when the directory was listed
   */
  public record Run(String id, Path file, boolean inProgress) {}

  /** The runs in {@code directory}, newest first by their start time in the name. */
  public static List<Run> list(Path directory) throws IOException {
    List<Run> runs = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return runs;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(EventLog.SUFFIX)) {
          runs.add(
              new Run(name.substring(0, name.length() - EventLog.SUFFIX.length()), file, false));
        } else if (name.endsWith(EventLog.SUFFIX + EventLog.IN_PROGRESS)) {
          String id =
              name.substring(
                  0, name.length() - EventLog.SUFFIX.length() - EventLog.IN_PROGRESS.length());
          runs.add(new Run(id, file, true));
        }
      }
    }
    runs.sort((a, b) -> Long.compare(startTime(b.id()), startTime(a.id())));
    return runs;
  }

  /**
   * The state the log {@code file} describes, keeping {@code retained} batches.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if a complete line is not an event
   */
  public static MonitorState replay(Path file, int retained) throws IOException {
    MonitorState state = new MonitorState(retained);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      String pending = null;
      while ((line = reader.readLine()) != null) {
        if (pending != null) {
          EventCodec.replay(pending, state);
        }
        pending = line;
      }
      if (pending != null) {
        try {
          EventCodec.replay(pending, state);
        } catch (IllegalArgumentException torn) {
          // the last line of a log being written may be incomplete
        }
      }
    }
    return state;
  }

  private static long startTime(String id) {
    int dash = id.lastIndexOf('-');
    try {
      return Long.parseLong(id.substring(dash + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
