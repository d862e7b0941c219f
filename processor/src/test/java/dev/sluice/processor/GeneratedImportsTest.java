package dev.sluice.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated code lands in users' builds and uses the runtime only through the types listed here:
 * {@code PipelineBuilder}, {@code PipelineMain} and the {@code dev.sluice.runtime.internal} seam.
 * Every Sluice type every golden names must be on the list, so that a change to the runtime that
 * generated code depends on is a deliberate change to this list.
 */
class GeneratedImportsTest {

  private static final Path GOLDENS = Path.of("src/test/resources/golden");
  private static final Pattern NAMED = Pattern.compile("\\bdev\\.sluice\\.runtime(?:\\.\\w+)+");

  private static final Set<String> ALLOWED =
      Set.of(
          "dev.sluice.runtime.PipelineBuilder",
          "dev.sluice.runtime.cli.PipelineMain",
          "dev.sluice.runtime.codec.Codecs",
          "dev.sluice.runtime.internal.GroupShuffle",
          "dev.sluice.runtime.internal.InputSlot",
          "dev.sluice.runtime.internal.KeyGroups",
          "dev.sluice.runtime.internal.LongValueMap",
          "dev.sluice.runtime.internal.ObjectValueMap",
          "dev.sluice.runtime.internal.OutputSlot",
          "dev.sluice.runtime.internal.PairBuffer",
          "dev.sluice.runtime.internal.Partitioner",
          "dev.sluice.runtime.internal.PipelineProgram",
          "dev.sluice.runtime.internal.RecordExchange",
          "dev.sluice.runtime.internal.SegmentSlot",
          "dev.sluice.runtime.internal.StageFailure",
          "dev.sluice.runtime.internal.TaskContext",
          "dev.sluice.runtime.internal.ValueEmitter",
          "dev.sluice.runtime.internal.state.MapWithStateStore",
          "dev.sluice.runtime.internal.snapshot.StageState",
          "dev.sluice.runtime.internal.state.UpdateStateStore",
          "dev.sluice.runtime.internal.window.GroupWindowSlots",
          "dev.sluice.runtime.internal.window.LongInverseWindow",
          "dev.sluice.runtime.internal.window.LongWindowSlots",
          "dev.sluice.runtime.internal.window.ObjectInverseWindow",
          "dev.sluice.runtime.internal.window.ObjectWindowSlots",
          "dev.sluice.runtime.internal.window.RecordWindowSlots",
          "dev.sluice.runtime.internal.window.WindowSpec");

  private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+);$");

  @Test
  void everyGoldenImportsOnlyTheApiTheJdkAndTheAllowedRuntimeTypes() throws IOException {
    List<String> outside = new ArrayList<>();
    for (Path golden : goldens()) {
      for (String line : Files.readAllLines(golden)) {
        Matcher imported = IMPORT.matcher(line);
        if (imported.matches()) {
          String type = imported.group(1);
          boolean allowed =
              type.startsWith("java.")
                  || type.equals("javax.annotation.processing.Generated")
                  || type.startsWith("dev.sluice.api.")
                  || ALLOWED.contains(type);
          if (!allowed) {
            outside.add(golden.getFileName() + ": " + type);
          }
        }
        Matcher named = NAMED.matcher(line);
        while (named.find()) {
          if (!ALLOWED.contains(named.group())) {
            outside.add(golden.getFileName() + ": " + named.group());
          }
        }
      }
    }
    assertEquals(List.of(), outside);
  }

  private static List<Path> goldens() {
    try (Stream<Path> files = Files.walk(GOLDENS)) {
      return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
