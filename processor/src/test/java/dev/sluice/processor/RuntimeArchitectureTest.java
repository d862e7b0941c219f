package dev.sluice.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the runtime's layering, by scanning its sources for the Sluice packages they name (imports
 * and qualified names): sources and sinks use only the api (and the built-in codecs, which use only
 * the api), {@code internal} (the seam generated code uses) never uses the engine, and packages do
 * not depend on each other in cycles.
 *
 * <p>It lives in the processor's tests because the processor is what depends on {@code internal}
 * staying small and free of the engine; it reads the runtime's sources beside this module.
 */
class RuntimeArchitectureTest {

  private static final Path SOURCES = Path.of("../runtime/src/main/java");
  private static final Pattern NAMED =
      Pattern.compile("\\b(dev\\.sluice\\.[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  /**
   * Sources and sinks use only the api, and the built-in codecs, a leaf package that itself uses
   * only the api (a socket source stores what it received with them).
   */
  @Test
  void sourcesAndSinksUseOnlyTheApi() {
    for (String sub : List.of("source", "sink", "codec")) {
      String pkg = "dev.sluice.runtime." + sub;
      Set<String> used = new TreeSet<>(dependencies().getOrDefault(pkg, Set.of()));
      used.removeIf(
          other ->
              other.equals("dev.sluice.api")
                  || other.startsWith("dev.sluice.api.")
                  || (!sub.equals("codec") && other.equals("dev.sluice.runtime.codec")));
      assertEquals(Set.of(), used, pkg + " uses more than the api");
    }
  }

  @Test
  void internalNeverUsesTheEngine() {
    dependencies()
        .forEach(
            (pkg, used) -> {
              if (pkg.startsWith("dev.sluice.runtime.internal")) {
                List<String> engine =
                    used.stream()
                        .filter(other -> other.startsWith("dev.sluice.runtime.engine"))
                        .toList();
                assertEquals(List.of(), engine, pkg + " uses the engine");
              }
            });
  }

  @Test
  void packagesDependOnEachOtherInNoCycle() {
    Map<String, Set<String>> graph = dependencies();
    Set<List<String>> cycles = new LinkedHashSet<>();
    for (String a : graph.keySet()) {
      for (String b : graph.get(a)) {
        if (a.compareTo(b) < 0 && reaches(graph, b, a)) {
          cycles.add(List.of(a, b));
        }
      }
    }
    assertEquals(Set.of(), cycles);
  }

  private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    Set<String> seen = new TreeSet<>();
    List<String> work = new ArrayList<>(List.of(from));
    while (!work.isEmpty()) {
      String at = work.remove(work.size() - 1);
      if (at.equals(to)) {
        return true;
      }
      if (seen.add(at)) {
        work.addAll(graph.getOrDefault(at, Set.of()));
      }
    }
    return false;
  }

  /** For each runtime package, the other Sluice packages its sources name. */
  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        Set<String> used = graph.computeIfAbsent(pkg, ignored -> new TreeSet<>());
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("package ")
              || line.strip().startsWith("*")
              || line.strip().startsWith("//")) {
            continue;
          }
          Matcher named = NAMED.matcher(line);
          while (named.find()) {
            if (!named.group(1).equals(pkg)) {
              used.add(named.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }
}
