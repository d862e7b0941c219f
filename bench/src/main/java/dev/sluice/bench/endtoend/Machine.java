package dev.sluice.bench.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the figures were measured on: the processor, cores, JDK, and the load average at the time of
 * each figure, since other processes on a shared machine skew them.
 */
public final class Machine {

  private Machine() {}

  /** The 1-minute load average from {@code /proc/loadavg}, or -1 where there is none. */
  public static double load() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg"));
      return Double.parseDouble(text.substring(0, text.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** One line: processor model, cores, memory, JDK and OS. */
  public static String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %d GiB max heap; %s %s (%s); %s %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 30,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"),
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }

  private static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }
}
