package dev.sluice.processor.run;

import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.BatchSource;
import dev.sluice.processor.Examples;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.StageFailure;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Runs generated programs batch by batch through the runtime seam and checks the exact records each
 * output receives, partition by partition.
 */
class GeneratedProgramTest {

  private static JavaFileObject wordCount() {
    return Examples.wordCount();
  }

  private static String text(List<List<List<Object>>> outputs) {
    return outputs.toString();
  }

  @Test
  void wordCountCountsEachBatchAndReusesItsBuffers() throws Exception {
    CompiledPipeline.Program program =
        CompiledPipeline.compile("dev.sluice.examples.WordCount", wordCount()).program(2);
    // Map task 0 reads "a b a" and "b c", task 1 reads "". Keys go to partition hashCode % 2:
    // "b" and "" to 0, "a" and "c" to 1; each reduce task merges map task 0's buffer first.
    assertEquals(
        "[[[(b,2), (,1)], [(a,2), (c,1)]]]",
        text(program.run(List.of(List.of("a b a", "b c", "")))));
    assertEquals("[[[], [(a,1)]]]", text(program.run(List.of(List.of("a")))));
    assertEquals("[[[], []]]", text(program.run(List.of(List.of()))));
  }

  @Test
  void fanOutFiltersAndTwoShufflesInARow() throws Exception {
    CompiledPipeline.Program program =
        CompiledPipeline.compile(
                "p.Histogram",
                pipeline(
                    "Histogram",
                    "@Pipeline",
                    "final class Histogram {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @FlatMap(from = \"lines\")",
                    "  static void words(String line, Emitter<String> out) {",
                    "    for (String w : line.split(\" \")) out.emit(w);",
                    "  }",
                    "  @Filter(from = \"words\") static boolean nonEmpty(String w) {",
                    "    return !w.isEmpty();",
                    "  }",
                    "  @Output(from = \"nonEmpty\") static Sink<String> echo() {",
                    "    return Sinks.print();",
                    "  }",
                    "  @Map(from = \"nonEmpty\") static KV<String, Long> pairs(String w) {",
                    "    return KV.of(w, 1L);",
                    "  }",
                    "  @ReduceByKey(from = \"pairs\") static long counts(long a, long b) {",
                    "    return a + b;",
                    "  }",
                    "  @Map(from = \"counts\") static KV<Long, Long> byCount(KV<String, Long> kv)"
                        + " {",
                    "    return KV.of(kv.value(), 1L);",
                    "  }",
                    "  @ReduceByKey(from = \"byCount\", partitions = 1)",
                    "  static long histogram(long a, long b) { return a + b; }",
                    "  @Output(from = \"histogram\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}"))
            .program(2);
    // Words: x y x | (empty) z x. Counts: x=3 and z=1 in partition 0 (hashCode % 2), y=1 in 1.
    // The histogram merges counts' task 0 first: 3 -> 1 word, then 1 -> 2 words.
    assertEquals(
        "[[[x, y, x], [z, x]], [[(3,1), (1,2)]]]",
        text(program.run(List.of(List.of("x y x", " z x")))));
  }

  @Test
  void primitiveReducesKeepTheirValues() throws Exception {
    CompiledPipeline.Program program =
        CompiledPipeline.compile(
                "p.Stats",
                pipeline(
                    "Stats",
                    "@Pipeline",
                    "final class Stats {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static KV<String, Double> sizes(String s) {",
                    "    return KV.of(\"k\", s.length() / 2.0);",
                    "  }",
                    "  @ReduceByKey(from = \"sizes\", partitions = 1)",
                    "  static double maxima(double a, double b) { return Math.max(a, b); }",
                    "  @Output(from = \"maxima\") static Sink<Object> max() { return Sinks.print();"
                        + " }",
                    "  @Map(from = \"lines\") static KV<String, Boolean> flags(String s) {",
                    "    return KV.of(\"k\", s.startsWith(\"y\"));",
                    "  }",
                    "  @ReduceByKey(from = \"flags\", partitions = 1)",
                    "  static boolean any(boolean a, boolean b) { return a || b; }",
                    "  @Output(from = \"any\") static Sink<Object> anyOut() { return Sinks.print();"
                        + " }",
                    "  @Map(from = \"lines\") static KV<String, Character> firsts(String s) {",
                    "    return KV.of(\"k\", s.charAt(0));",
                    "  }",
                    "  @ReduceByKey(from = \"firsts\", partitions = 1)",
                    "  static char last(char a, char b) { return a > b ? a : b; }",
                    "  @Output(from = \"last\") static Sink<Object> lastOut() { return"
                        + " Sinks.print(); }",
                    "  @Map(from = \"lines\") static KV<String, Float> thirds(String s) {",
                    "    return KV.of(\"k\", s.length() / 2f);",
                    "  }",
                    "  @ReduceByKey(from = \"thirds\", partitions = 1)",
                    "  static float sum(float a, float b) { return a + b; }",
                    "  @Output(from = \"sum\") static Sink<Object> sumOut() { return Sinks.print();"
                        + " }",
                    "}"))
            .program(3);
    assertEquals(
        "[[[(k,2.5)]], [[(k,true)]], [[(k,y)]], [[(k,5.5)]]]",
        text(program.run(List.of(List.of("abc", "yes", "hello")))));
  }

  @Test
  void aThrowingMethodFailsWithTheStageAndTheRecord() throws Exception {
    CompiledPipeline.Program program =
        CompiledPipeline.compile(
                "p.Fragile",
                pipeline(
                    "Fragile",
                    "@Pipeline",
                    "final class Fragile {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @FlatMap(from = \"lines\")",
                    "  static void words(String line, Emitter<String> out) {",
                    "    for (String w : line.split(\" \")) out.emit(w);",
                    "  }",
                    "  @Map(from = \"words\") static int numbers(String w) {",
                    "    return Integer.parseInt(w);",
                    "  }",
                    "  @Output(from = \"numbers\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}"))
            .program(1);
    StageFailure failure =
        assertThrows(StageFailure.class, () -> program.run(List.of(List.of("1 2", "3 x 4"))));
    assertEquals("numbers", failure.stage());
    assertEquals("\"x\"", failure.record());
    assertEquals(NumberFormatException.class, failure.getCause().getClass());
  }

  @Test
  void aCheckedExceptionFailsTheStageLikeARuntimeOne() throws Exception {
    CompiledPipeline.Program program =
        CompiledPipeline.compile(
                "p.Checked",
                pipeline(
                    "Checked",
                    "import java.io.IOException;",
                    "@Pipeline",
                    "final class Checked {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static String read(String path) throws IOException {",
                    "    if (path.isEmpty()) throw new IOException(\"no path\");",
                    "    return path;",
                    "  }",
                    "  @Output(from = \"read\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}"))
            .program(1);
    StageFailure failure =
        assertThrows(StageFailure.class, () -> program.run(List.of(List.of("a", "", "b"))));
    assertEquals("read", failure.stage());
    assertEquals("\"\"", failure.record());
    assertEquals(java.io.IOException.class, failure.getCause().getClass());
    assertEquals("no path", failure.getCause().getMessage());
  }

  @Test
  void theInstanceIsCreatedOnlyWhenAMethodCalledNeedsIt() throws Exception {
    CompiledPipeline pipeline =
        CompiledPipeline.compile(
            "p.Counted",
            pipeline(
                "Counted",
                "@Pipeline",
                "final class Counted {",
                "  static int created;",
                "  static final BatchSource<String> DEFAULT = time -> java.util.List.of();",
                "  Counted() { created++; }",
                "  @Input Source<String> lines() { return DEFAULT; }",
                "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
                "}"));
    BatchSource<String> bound = time -> List.of();

    PipelineBuilder<?> builder = pipeline.builder();
    builder.bindInput("lines", bound);
    builder.bindOutput("print", batch -> {});
    PipelineProgram withBinding = CompiledPipeline.createProgram(builder, 1);
    assertEquals(0, pipeline.staticField("created"));
    assertSame(bound, withBinding.inputs().get(0).source());

    PipelineBuilder<?> defaults = pipeline.builder();
    defaults.bindOutput("print", batch -> {});
    PipelineProgram withDefault = CompiledPipeline.createProgram(defaults, 1);
    assertEquals(1, pipeline.staticField("created"));
    assertSame(pipeline.staticField("DEFAULT"), withDefault.inputs().get(0).source());
  }

  @Test
  void instanceMethodsRunOnTheOneInstance() throws Exception {
    CompiledPipeline.Program program =
        CompiledPipeline.compile(
                "p.Scaled",
                pipeline(
                    "Scaled",
                    "@Pipeline",
                    "final class Scaled {",
                    "  private int calls;",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") synchronized String numbered(String line) {",
                    "    return ++calls + \":\" + line;",
                    "  }",
                    "  @Output(from = \"numbered\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}"))
            .program(2);
    assertEquals("[[[1:a], [2:b]]]", text(program.run(List.of(List.of("a", "b")))));
    // One record in two partitions: the second partition gets it.
    assertEquals("[[[], [3:c]]]", text(program.run(List.of(List.of("c")))));
  }

  @Test
  void anInputWithoutDefaultMustBeBoundToBuild() throws Exception {
    CompiledPipeline pipeline =
        CompiledPipeline.compile(
            "p.Parsed",
            pipeline(
                "Parsed",
                "@Pipeline",
                "interface Parsed {",
                "  @Input Source<String> lines();",
                "  @Map(from = \"lines\") static int parsed(String s) { return Integer.parseInt(s); }",
                "  @Output(from = \"parsed\") static Sink<Object> print() { return Sinks.print(); }",
                "}"));
    PipelineBuilder<?> unbound = pipeline.builder();
    assertEquals(
        List.of(new PipelineBuilder.Port("lines", "String", true, false)), unbound.inputs());
    assertEquals(unbound.inputs(), unbound.unboundInputs());
    String message =
        "input 'lines' of pipeline Parsed has no default source; bind one with .lines(source) or"
            + " --lines URI";
    assertEquals(message, assertThrows(IllegalStateException.class, unbound::build).getMessage());
    assertEquals(
        message, assertThrows(IllegalStateException.class, unbound::buildOnce).getMessage());

    BatchSource<String> bound = time -> List.of();
    PipelineBuilder<?> builder = pipeline.builder();
    builder.bindInput("lines", bound);
    assertEquals(List.of(), builder.unboundInputs());
    assertSame(bound, CompiledPipeline.createProgram(builder, 1).inputs().get(0).source());
  }

  @Test
  void theBuilderDescribesItsPorts() throws Exception {
    PipelineBuilder<?> builder =
        CompiledPipeline.compile("dev.sluice.examples.WordCount", wordCount()).builder();
    assertEquals("WordCount", builder.pipelineName());
    assertEquals(List.of(new PipelineBuilder.Port("lines", "String", true)), builder.inputs());
    assertEquals(
        List.of(new PipelineBuilder.Port("print", "KV<String, Long>", false)), builder.outputs());
    assertEquals(java.time.Duration.ofSeconds(2), builder.batchInterval());
    BatchSource<String> source = time -> List.of();
    assertSame(builder, builder.bindInput("lines", source));
  }
}
