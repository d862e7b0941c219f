package dev.sluice.bench.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: printed as they come, and written at the end as a tab-separated file
 * ({@code section, parallelism, variant, metric, value, unit, load}) that the chart and the docs
 * are made from. Every figure carries the 1-minute load average when it was recorded.
 *
 * <p><b>Threads:</b> the benchmark's main thread only.
 */
public final class Results {

  /** The header line of the file. */
  public static final String HEADER = "section\tparallelism\tvariant\tmetric\tvalue\tunit\tload";

  private final List<String> rows = new ArrayList<>();
  private final PrintStream out;

  /** Results that are also printed to {@code out}. */
  public Results(PrintStream out) {
    this.out = out;
  }

  /** Records one figure. */
  public void add(
      String section, int parallelism, String variant, String metric, double value, String unit) {
    double load = Machine.load();
    rows.add(
        String.format(
            Locale.ROOT,
            "%s\t%d\t%s\t%s\t%.4f\t%s\t%.2f",
            section,
            parallelism,
            variant,
            metric,
            value,
            unit,
            load));
    out.printf(
        Locale.ROOT,
        "  %-17s p%d %-28s %-22s %14.3f %-8s (load %.2f)%n",
        section,
        parallelism,
        variant,
        metric,
        value,
        unit,
        load);
  }

  /** Adds the figures of a file written by {@link #write}, without printing them again. */
  public void include(Path file) throws IOException {
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("#") && !line.equals(HEADER)) {
        rows.add(line);
      }
    }
  }

  /** Prints a note, such as a section title; not written to the file. */
  public void note(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
  }

  /** Writes every figure to {@code file}, with a comment line saying what ran where. */
  public void write(Path file, String comment) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# " + comment);
    lines.add(HEADER);
    lines.addAll(rows);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, lines);
  }
}
