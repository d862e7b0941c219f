package dev.sluice.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of the WordCount example, compared byte for byte with golden files under
 * {@code src/test/resources/golden}. Run with {@code -Dsluice.updateGoldens=true} to rewrite them
 * after an intended change, then review the diff.
 */
class GoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void wordCountMatchesGoldenFiles() throws IOException {
    Compilation compilation = Compilations.compileStrict(wordCount());
    for (String name : List.of("WordCountPipeline", "WordCountMain")) {
      String actual = Compilations.generated(compilation, "dev.sluice.examples." + name);
      assertGolden(GOLDEN.resolve("dev/sluice/examples/" + name + ".java"), actual);
    }
  }

  /** One pipeline per family: keyed aggregations, a join, and a DAG with unions and fan-outs. */
  @Test
  void familiesMatchGoldenFiles() throws IOException {
    golden(Examples.semantics("KeyedOps"), "dev.sluice.examples.semantics.KeyedOpsPipeline");
    golden(Examples.clickImpressionJoin(), "dev.sluice.examples.ClickImpressionJoinPipeline");
    golden(Examples.semantics("NarrowOps"), "dev.sluice.examples.semantics.NarrowOpsPipeline");
    golden(Examples.named("WindowedWordCount"), "dev.sluice.examples.WindowedWordCountPipeline");
    golden(Examples.named("RunningWordCount"), "dev.sluice.examples.RunningWordCountPipeline");
    golden(Examples.named("SessionTracking"), "dev.sluice.examples.SessionTrackingPipeline");
  }

  /** Every operator of the semantics pipelines compiles warning-free under -Werror. */
  @Test
  void joinPipelineCompilesStrictly() {
    Compilations.compileStrict(Examples.semantics("JoinOps"));
  }

  private static void golden(JavaFileObject source, String generated) throws IOException {
    String actual = Compilations.generated(Compilations.compileStrict(source), generated);
    assertGolden(GOLDEN.resolve(generated.replace('.', '/') + ".java"), actual);
  }

  @Test
  void processingTwiceGivesIdenticalBytes() {
    Compilation first = Compilations.compile(wordCount());
    Compilation second = Compilations.compile(wordCount());
    for (String name : List.of("WordCountPipeline", "WordCountMain")) {
      String qualified = "dev.sluice.examples." + name;
      assertEquals(
          Compilations.generated(first, qualified), Compilations.generated(second, qualified));
    }
  }

  private static JavaFileObject wordCount() {
    return Examples.wordCount();
  }

  private static void assertGolden(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("sluice.updateGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("no golden file " + golden + "; run with -Dsluice.updateGoldens=true to create it");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(
          "generated source differs from "
              + golden
              + " (run with -Dsluice.updateGoldens=true to accept):\n"
              + diff(expected, actual));
    }
  }

  /** The lines that differ, with line numbers: {@code -} expected, {@code +} actual. */
  static String diff(String expected, String actual) {
    String[] left = expected.split("\n", -1);
    String[] right = actual.split("\n", -1);
    int start = 0;
    while (start < left.length && start < right.length && left[start].equals(right[start])) {
      start++;
    }
    int leftEnd = left.length;
    int rightEnd = right.length;
    while (leftEnd > start && rightEnd > start && left[leftEnd - 1].equals(right[rightEnd - 1])) {
      leftEnd--;
      rightEnd--;
    }
    StringBuilder out = new StringBuilder();
    out.append("@@ line ").append(start + 1).append('\n');
    for (int i = start; i < leftEnd; i++) {
      out.append("- ").append(left[i]).append('\n');
    }
    for (int i = start; i < rightEnd; i++) {
      out.append("+ ").append(right[i]).append('\n');
    }
    return out.toString();
  }
}
