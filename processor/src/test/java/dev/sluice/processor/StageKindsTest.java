package dev.sluice.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.compileStrict;
import static dev.sluice.processor.Compilations.generated;
import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One successful pipeline per stage kind and value representation, each compiled by the processor
 * and its generated code recompiled under {@code -Xlint:all -Werror}, with the generated lines that
 * matter for the kind checked.
 */
class StageKindsTest {

  private static void assertContains(String source, String... expected) {
    for (String line : expected) {
      assertTrue(source.contains(line), () -> "missing <" + line + "> in:\n" + source);
    }
  }

  @Test
  void inputFilterOutput() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Lines",
                    "@Pipeline(batchInterval = \"500ms\")",
                    "final class Lines {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Filter(from = \"lines\")",
                    "  static boolean nonEmpty(CharSequence line) { return line.length() > 0; }",
                    "  @Output(from = \"nonEmpty\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.LinesPipeline");
    assertContains(
        source,
        "Duration.ofMillis(500),",
        "List.of(new PipelineBuilder.Port(\"lines\", \"String\", true)),",
        "List.of(new PipelineBuilder.Port(\"print\", \"String\", true)));",
        "public Builder print(Sink<? super String> sink) {",
        "Source<String> lines = boundInput(\"lines\");",
        "lines = Lines.lines();",
        "List.of(new SegmentSlot(\"lines -> nonEmpty -> print\", parallelism)),",
        "case 0 -> lines_nonEmpty_print(context.input(0, partition), context.output(0,"
            + " partition));",
        "private void lines_nonEmpty_print(List<String> lines, List<String> print) {",
        "        // nonEmpty: Lines.nonEmpty(CharSequence)\n"
            + "        boolean nonEmpty;\n"
            + "        try {\n"
            + "          nonEmpty = Lines.nonEmpty(line);\n"
            + "        } catch (RuntimeException e) {\n"
            + "          throw StageFailure.wrap(e, \"nonEmpty\", line);\n"
            + "        }\n"
            + "        if (nonEmpty) {\n"
            + "          // print: output, default sink Lines.print()\n"
            + "          print.add(line);\n"
            + "        }\n");
    assertFalse(source.contains("new Lines()"), source);
  }

  @Test
  void anAbstractInputHasNoDefaultAndNeedsNoInstance() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Parsed",
                    "@Pipeline",
                    "abstract class Parsed {",
                    "  @Input abstract Source<String> lines();",
                    "  @Map(from = \"lines\") static int parsed(String line) {",
                    "    return Integer.parseInt(line);",
                    "  }",
                    "  @Output(from = \"parsed\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.ParsedPipeline");
    assertContains(
        source,
        "List.of(new PipelineBuilder.Port(\"lines\", \"String\", true, false)),",
        "List.of(new PipelineBuilder.Port(\"print\", \"Integer\", false)));",
        "     * Binds input {@code lines}, which has no default source: {@code build()} needs"
            + " one.\n",
        "public Builder lines(Source<String> source) {",
        "Source<String> lines = boundInput(\"lines\");",
        "      Sink<? super Integer> print = boundOutput(\"print\");\n"
            + "      if (print == null) {\n"
            + "        print = Parsed.print();\n"
            + "      }\n");
    assertFalse(source.contains("lines = Parsed"), source);
    assertFalse(source.contains("new Parsed"), source);
  }

  @Test
  void anInterfaceMayDeclareItsInputsWithoutBodies() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Upper",
                    "@Pipeline",
                    "interface Upper {",
                    "  @Input Source<String> lines();",
                    "  @Input Source<String> more();",
                    "  @Map(from = {\"lines\", \"more\"}) static String upper(String line) {",
                    "    return line.toUpperCase(java.util.Locale.ROOT);",
                    "  }",
                    "  @Output(from = \"upper\") static Sink<Object> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.UpperPipeline");
    assertContains(
        source,
        "new PipelineBuilder.Port(\"lines\", \"String\", true, false),",
        "new PipelineBuilder.Port(\"more\", \"String\", true, false)),");
    assertFalse(source.contains("Upper.lines()"), source);
  }

  @Test
  void mapReturningAPrimitiveKeepsItUnboxedUntilTheOutput() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Lengths",
                    "@Pipeline",
                    "final class Lengths {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static int lengths(String line) {",
                    "    return line.length();",
                    "  }",
                    "  @Map(from = \"lengths\") static long doubled(long length) {",
                    "    return 2 * length;",
                    "  }",
                    "  @Output(from = \"doubled\") static Sink<Long> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.LengthsPipeline");
    assertContains(
        source,
        "Duration.ofMillis(1000),",
        "int lengths;",
        "lengths = Lengths.lengths(line);",
        "long doubled;",
        "doubled = Lengths.doubled(lengths);",
        "print.add(doubled);",
        "private void lines_lengths_doubled_print(List<String> lines, List<Long> print) {");
  }

  @Test
  void flatMapEmitsThroughOneLambdaPerTaskAndNestsInnerEmittersFirst() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Chars",
                    "@Pipeline",
                    "final class Chars {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @FlatMap(from = \"lines\")",
                    "  static void words(String line, Emitter<String> out) {",
                    "    for (String w : line.split(\" \")) out.emit(w);",
                    "  }",
                    "  @FlatMap(from = \"words\")",
                    "  static void chars(String word, Emitter<Character> out) {",
                    "    for (char c : word.toCharArray()) out.emit(c);",
                    "  }",
                    "  @Output(from = \"chars\") static Sink<Character> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.CharsPipeline");
    assertContains(
        source,
        "      Emitter<Character> chars = char_ -> {\n"
            + "        // print: output, default sink Chars.print()\n"
            + "        print.add(char_);\n"
            + "      };\n"
            + "      Emitter<String> words = word -> {\n"
            + "        // chars: Chars.chars(String, Emitter<Character>)\n"
            + "        try {\n"
            + "          Chars.chars(word, chars);\n",
        "          Chars.words(line, words);\n");
  }

  @Test
  void reduceWithObjectValuesUsesAnObjectValueMap() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Totals",
                    "import java.math.BigDecimal;",
                    "@Pipeline(batchInterval = \"1m\")",
                    "final class Totals {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static KV<String, BigDecimal> amounts(String line) {",
                    "    return KV.of(line, BigDecimal.ONE);",
                    "  }",
                    "  @ReduceByKey(from = \"amounts\", partitions = 3)",
                    "  static BigDecimal totals(BigDecimal a, BigDecimal b) { return a.add(b); }",
                    "  @Output(from = \"totals\") static Sink<KV<String, BigDecimal>> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.TotalsPipeline");
    assertContains(
        source,
        "Duration.ofMillis(60000),",
        "private final ObjectValueMap<String, BigDecimal>[][] totalsShuffle;",
        "new SegmentSlot(\"totals -> print\", 3)),",
        "List.of(new OutputSlot(\"print\", print, 3)));",
        "this.totalsShuffle = newTotalsShuffle(parallelism, 3);",
        "(ObjectValueMap<String, BigDecimal>[][]) new ObjectValueMap<?, ?>[writers][readers];",
        "private static void combineTotals(ObjectValueMap<String, BigDecimal> buffer, String key,",
        "reduced = Totals.totals(buffer.get(entry), value);",
        "KV<String, BigDecimal> totals = KV.of(merged.key(i), merged.get(i));");
  }

  @Test
  void reduceWithIntValuesStoresThemWidened() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Sums",
                    "@Pipeline",
                    "final class Sums {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static KV<String, Integer> ones(String line) {",
                    "    return KV.of(line, 1);",
                    "  }",
                    "  @ReduceByKey(from = \"ones\") static int sums(int a, int b) { return a + b;"
                        + " }",
                    "  @Output(from = \"sums\") static Sink<KV<String, Integer>> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.SumsPipeline");
    assertContains(
        source,
        "private final LongValueMap<String>[][] sumsShuffle;",
        "private static void combineSums(LongValueMap<String> buffer, String key, int value) {",
        "buffer.set(~entry, value);",
        "reduced = Sums.sums((int) buffer.get(entry), value);",
        "combineSums(merged, part.key(entry), (int) part.get(entry));",
        "KV<String, Integer> sums = KV.of(merged.key(i), (int) merged.get(i));");
  }

  @Test
  void reduceWithDoubleValuesStoresTheirRawBits() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Maxima",
                    "@Pipeline",
                    "final class Maxima {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static KV<String, Double> sizes(String line) {",
                    "    return KV.of(line, (double) line.length());",
                    "  }",
                    "  @ReduceByKey(from = \"sizes\")",
                    "  static double maxima(double a, double b) { return Math.max(a, b); }",
                    "  @Output(from = \"maxima\") static Sink<KV<String, Double>> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.MaximaPipeline");
    assertContains(
        source,
        "buffer.set(~entry, Double.doubleToRawLongBits(value));",
        "reduced = Maxima.maxima(Double.longBitsToDouble(buffer.get(entry)), value);",
        "buffer.set(entry, Double.doubleToRawLongBits(reduced));",
        "KV<String, Double> maxima = KV.of(merged.key(i),"
            + " Double.longBitsToDouble(merged.get(i)));");
  }

  @Test
  void everyPrimitiveReduceCompilesWarningFree() {
    StringBuilder body = new StringBuilder();
    String[][] kinds = {
      {"boolean", "Boolean", "true", "a || b"},
      {"byte", "Byte", "(byte) 1", "(byte) (a + b)"},
      {"short", "Short", "(short) 1", "(short) (a + b)"},
      {"char", "Character", "'a'", "a > b ? a : b"},
      {"int", "Integer", "1", "a + b"},
      {"long", "Long", "1L", "a + b"},
      {"float", "Float", "1f", "a + b"},
      {"double", "Double", "1d", "a + b"},
    };
    for (String[] kind : kinds) {
      String prim = kind[0];
      String boxed = kind[1];
      body.append("@Map(from = \"lines\") static KV<String, ")
          .append(boxed)
          .append("> ")
          .append(prim)
          .append("s(String l) { return KV.of(l, ")
          .append(kind[2])
          .append("); }\n")
          .append("@ReduceByKey(from = \"")
          .append(prim)
          .append("s\") static ")
          .append(prim)
          .append(' ')
          .append(prim)
          .append("Reduced(")
          .append(prim)
          .append(" a, ")
          .append(prim)
          .append(" b) { return ")
          .append(kind[3])
          .append("; }\n")
          .append("@Output(from = \"")
          .append(prim)
          .append("Reduced\") static Sink<KV<String, ")
          .append(boxed)
          .append(">> ")
          .append(prim)
          .append("Out() { return Sinks.print(); }\n");
    }
    Compilation compilation =
        compileStrict(
            pipeline(
                "Primitives",
                "@Pipeline",
                "final class Primitives {",
                "  @Input static Source<String> lines() { return Sources.demo(); }",
                body.toString(),
                "}"));
    assertContains(
        generated(compilation, "p.PrimitivesPipeline"),
        "buffer.set(~entry, value ? 1L : 0L);",
        "KV<String, Boolean> booleanReduced = KV.of(merged.key(i), merged.get(i) != 0L);",
        "KV<String, Byte> byteReduced = KV.of(merged.key(i), (byte) merged.get(i));",
        "KV<String, Short> shortReduced = KV.of(merged.key(i), (short) merged.get(i));",
        "KV<String, Character> charReduced = KV.of(merged.key(i), (char) merged.get(i));",
        "buffer.set(~entry, Float.floatToRawIntBits(value));",
        "Float.intBitsToFloat((int) merged.get(i))",
        "new SegmentSlot(\"lines -> [booleans, bytes, shorts, chars, ints, longs, floats,"
            + " doubles]\",\n                  parallelism),");
  }

  @Test
  void instanceMethodsRunOnOneInstanceMadeByTheBuilder() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Scaled",
                    "@Pipeline",
                    "final class Scaled {",
                    "  private final int factor = 3;",
                    "  @Input Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") int scaled(String line) {",
                    "    return factor * line.length();",
                    "  }",
                    "  @Output(from = \"scaled\") Sink<Integer> print() { return Sinks.print(); }",
                    "}")),
            "p.ScaledPipeline");
    assertContains(
        source,
        "Scaled pipeline = new Scaled();",
        "lines = pipeline.lines();",
        "print = pipeline.print();",
        "return new Program(pipeline, lines, print, parallelism);",
        "private final Scaled pipeline;",
        "Program(Scaled pipeline, Source<String> lines, Sink<? super Integer> print,",
        "this.pipeline = pipeline;",
        "scaled = pipeline.scaled(line);");
  }

  @Test
  void nestedPipelineClassesNameGeneratedClassesWithUnderscores() {
    Compilation compilation =
        compileStrict(
            pipeline(
                "Outer",
                "final class Outer {",
                "  @Pipeline",
                "  static final class Inner {",
                "    @Input static Source<String> lines() { return Sources.demo(); }",
                "    @Output(from = \"lines\") static Sink<String> print() {",
                "      return Sinks.print();",
                "    }",
                "  }",
                "}"));
    assertContains(
        generated(compilation, "p.Outer_InnerPipeline"),
        "public final class Outer_InnerPipeline {",
        "super(\n          \"Inner\",",
        "lines = Outer.Inner.lines();");
    assertContains(
        generated(compilation, "p.Outer_InnerMain"),
        "PipelineMain.run(args, Outer_InnerPipeline::builder);");
  }

  @Test
  void fanOutAndReducesInARowMakeThreeSegments() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Twice",
                    "@Pipeline(generateMain = false)",
                    "final class Twice {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static KV<String, Long> pairs(String line) {",
                    "    return KV.of(line, 1L);",
                    "  }",
                    "  @Output(from = \"lines\") static Sink<String> echo() { return Sinks.print();"
                        + " }",
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
                    "}")),
            "p.TwicePipeline");
    assertContains(
        source,
        "new SegmentSlot(\"lines -> [pairs, echo]\", parallelism),\n"
            + "              new SegmentSlot(\"counts -> byCount\", parallelism),\n"
            + "              new SegmentSlot(\"histogram -> print\", 1)),",
        "List.of(\n"
            + "              new OutputSlot(\"echo\", echo, parallelism),\n"
            + "              new OutputSlot(\"print\", print, 1)));",
        "this.countsShuffle = newCountsShuffle(parallelism, parallelism);",
        "this.histogramShuffle = newHistogramShuffle(parallelism, 1);",
        "case 0 -> lines_pairs_echo(context.input(0, partition), countsShuffle[partition],\n"
            + "            context.output(0, partition));",
        "case 1 -> counts_byCount(mergeCounts(partition), histogramShuffle[partition]);",
        "case 2 -> histogram_print(mergeHistogram(partition), context.output(1, partition));");
  }

  @Test
  void checkedExceptionsAreCaughtAndWrapped() {
    String source =
        generated(
            compileStrict(
                pipeline(
                    "Checked",
                    "import java.io.IOException;",
                    "@Pipeline",
                    "final class Checked {",
                    "  @Input static Source<String> lines() throws IOException {",
                    "    return Sources.demo();",
                    "  }",
                    "  @Map(from = \"lines\") static String trimmed(String line) throws IOException"
                        + " {",
                    "    return line.trim();",
                    "  }",
                    "  @Output(from = \"trimmed\") static Sink<String> print() {",
                    "    return Sinks.print();",
                    "  }",
                    "}")),
            "p.CheckedPipeline");
    assertContains(
        source,
        "        try {\n"
            + "          trimmed = Checked.trimmed(line);\n"
            + "        } catch (Exception e) {\n"
            + "          throw StageFailure.wrap(e, \"trimmed\", line);\n",
        "        try {\n"
            + "          lines = Checked.lines();\n"
            + "        } catch (Exception e) {\n"
            + "          throw new IllegalStateException(\"pipeline Checked: the default of lines,"
            + " Checked.lines(), failed\", e);\n");
  }

  @Test
  void generateMainFalseGeneratesNoMain() {
    Compilation compilation =
        compileStrict(
            pipeline(
                "NoMain",
                "@Pipeline(generateMain = false)",
                "final class NoMain {",
                "  @Input static Source<String> lines() { return Sources.demo(); }",
                "  @Output(from = \"lines\") static Sink<String> print() { return Sinks.print(); }",
                "}"));
    assertFalse(compilation.generatedSourceFile("p.NoMainMain").isPresent());
    assertTrue(compilation.generatedSourceFile("p.NoMainPipeline").isPresent());
  }

  @Test
  void stageNamesThatClashWithGeneratedNamesGetOtherLocals() {
    compileStrict(
        pipeline(
            "Clash",
            "@Pipeline",
            "final class Clash {",
            "  @Input static Source<String> e() { return Sources.demo(); }",
            "  @FlatMap(from = \"e\") static void i(String s, Emitter<String> out) { out.emit(s);"
                + " }",
            "  @Map(from = \"i\") static KV<String, Long> n(String s) { return KV.of(s, 1L); }",
            "  @ReduceByKey(from = \"n\") static long pipeline(long a, long b) { return a + b; }",
            "  @Output(from = \"pipeline\") static Sink<Object> parallelism() {",
            "    return Sinks.print();",
            "  }",
            "}"));
  }

  @Test
  void pipelineClassesNamedLikeTheGeneratedNestedClassesStillCompile() {
    for (String name : new String[] {"Program", "Builder"}) {
      compileStrict(
          pipeline(
              name,
              "@Pipeline",
              "final class " + name + " {",
              "  @Input Source<String> lines() { return Sources.demo(); }",
              "  @Map(from = \"lines\") String upper(String s) { return s.toUpperCase(); }",
              "  @Output(from = \"upper\") Sink<String> print() { return Sinks.print(); }",
              "}"));
    }
  }

  @Test
  void aStageNoOutputReadsIsAWarningAndStillGenerates() {
    JavaFileObject file =
        pipeline(
            "Dead",
            "@Pipeline",
            "final class Dead {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static int lengths(String line) { return line.length(); }",
            "  @Output(from = \"lines\") static Sink<String> print() { return Sinks.print(); }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[Sluice/DeadStage] @Map stage lengths is not read by any @Output, so it is never"
                + " computed (stages are lazy, as in Spark); write it with an @Output or remove it")
        .inFile(file)
        .onLine(9);
    String source = generated(compilation, "p.DeadPipeline");
    assertFalse(source.contains("lengths("), source);
  }
}
