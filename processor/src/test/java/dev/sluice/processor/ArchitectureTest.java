package dev.sluice.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the processor's phases one way, by scanning imports: {@code model} imports no other phase,
 * {@code validate} only {@code model}, {@code plan} only {@code model} and nothing of {@code
 * javax.lang.model}, {@code write} only {@code model} and {@code plan}.
 */
class ArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/sluice/processor");
  private static final String ROOT = "dev.sluice.processor.";

  @Test
  void modelImportsNoOtherPhase() {
    assertEquals(List.of(), violations("model", ROOT + "validate", ROOT + "plan", ROOT + "write"));
  }

  @Test
  void validateImportsOnlyTheModel() {
    assertEquals(List.of(), violations("validate", ROOT + "plan", ROOT + "write"));
  }

  @Test
  void planImportsNeitherTheCompilerApiNorLaterPhases() {
    assertEquals(
        List.of(),
        violations(
            "plan",
            "javax.lang.model",
            "javax.annotation.processing",
            ROOT + "validate",
            ROOT + "write"));
  }

  @Test
  void writeImportsNoValidation() {
    assertEquals(List.of(), violations("write", ROOT + "validate"));
  }

  @Test
  void phasesDoNotImportTheEntryPoint() {
    for (String phase : List.of("model", "validate", "plan", "write")) {
      assertEquals(List.of(), violations(phase, ROOT + "SluiceProcessor"));
    }
  }

  /** The {@code file: import} lines of package {@code phase} starting with a forbidden prefix. */
  private static List<String> violations(String phase, String... forbidden) {
    if (Files.notExists(SOURCES.resolve(phase))) {
      throw new IllegalStateException("no package " + phase);
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES.resolve(phase))) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("import ")) {
            continue;
          }
          String imported = line.substring("import ".length()).replace("static ", "");
          for (String prefix : forbidden) {
            if (imported.startsWith(prefix)) {
              found.add(file.getFileName() + ": " + line);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
