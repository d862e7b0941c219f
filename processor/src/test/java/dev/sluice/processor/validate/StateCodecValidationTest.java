package dev.sluice.processor.validate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sluice.processor.Compilations;
import dev.sluice.processor.RecordingProcessor;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The codec rules: a stateful stage whose keys, state, window values or windowed records Sluice
 * cannot encode is one error on the stage's method, naming the type, where it sits and the fix; a
 * {@code @StateCodec} method that is not {@code static Codec<T> name()} is one error on it. Sources
 * have {@link #HEADER} lines before the body, so the body starts on line 12.
 */
class StateCodecValidationTest {

  private static final List<String> HEADER =
      List.of(
          "package p;",
          "import dev.sluice.api.*;",
          "import dev.sluice.api.annotation.*;",
          "import dev.sluice.runtime.sink.Sinks;",
          "import dev.sluice.runtime.source.Sources;", // 5
          "import java.io.DataInput;",
          "import java.io.DataOutput;",
          "import java.util.List;",
          "import java.util.Optional;",
          "import java.util.Set;", // 10
          "import java.util.function.Supplier;");

  /** A pipeline {@code Counts} keeping state {@code stateType}, after {@code declarations}. */
  private static JavaFileObject keeping(String stateType, String... declarations) {
    List<String> lines = new ArrayList<>(HEADER);
    lines.add("@Pipeline"); // 12
    lines.add("final class Counts {");
    lines.addAll(List.of(declarations));
    lines.add("  @Input static Source<String> lines() { return Sources.demo(); }");
    lines.add("  @Map(from = \"lines\") static KV<String, Long> pairs(String s) {");
    lines.add("    return KV.of(s, 1L);");
    lines.add("  }");
    lines.add("  @UpdateStateByKey(from = \"pairs\")");
    lines.add(
        "  static Optional<"
            + stateType
            + "> totals(List<Long> values, Optional<"
            + stateType
            + "> state) {");
    lines.add("    return state;");
    lines.add("  }");
    lines.add("  @Output(from = \"totals\")");
    lines.add("  static Sink<KV<String, " + stateType + ">> print() { return Sinks.print(); }");
    lines.add("}");
    return source("p.Counts", lines.toArray(new String[0]));
  }

  /** The line of the {@code totals} method in {@link #keeping}. */
  private static int totalsLine(int declarations) {
    return 13 + declarations + 6;
  }

  private static void assertError(JavaFileObject file, String message, int line) {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(file);
    assertEquals(List.of(), processor.created());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertEquals(message, compilation.errors().get(0).getMessage(null));
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
  }

  // ---- types that cannot be encoded

  @Test
  void aSetStateIsAnErrorThatSuggestsACodecOrAList() {
    assertError(
        keeping("Set<String>"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type Set<String>,"
            + " which Sluice cannot write into a checkpoint: Sluice encodes primitives, String,"
            + " enums, records, and List, Optional and Map of those; declare a @StateCodec method"
            + " returning Codec<Set<String>> in the pipeline class, or use a List",
        totalsLine(0));
  }

  @Test
  void aFieldOfARecordIsNamedWithTheRecord() {
    assertError(
        keeping("Session", "  record Session(long start, Set<String> pages) {}"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type"
            + " Counts.Session, which Sluice cannot write into a checkpoint: field 'pages' of"
            + " record Session has type Set<String>, and Sluice encodes primitives, String, enums,"
            + " records, and List, Optional and Map of those; declare a @StateCodec method"
            + " returning Codec<Set<String>> in the pipeline class, or use a List",
        totalsLine(1));
  }

  @Test
  void nestedPositionsAreNamedFromTheInside() {
    assertError(
        keeping(
            "Outer",
            "  record Inner(List<int[]> rows) {}",
            "  record Outer(Optional<Inner> inner) {}"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type Counts.Outer,"
            + " which Sluice cannot write into a checkpoint: an element of List<int[]> in field"
            + " 'rows' of record Inner in the value of Optional<Counts.Inner> in field 'inner' of"
            + " record Outer has type int[], and Sluice encodes primitives, String, enums, records,"
            + " and List, Optional and Map of those; declare a @StateCodec method returning"
            + " Codec<int[]> in the pipeline class, or use a List",
        totalsLine(2));
  }

  @Test
  void aClassIsAnErrorThatSuggestsARecord() {
    assertError(
        keeping("Tally", "  static final class Tally { long count; }"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type Counts.Tally,"
            + " which Sluice cannot write into a checkpoint: Sluice encodes primitives, String,"
            + " enums, records, and List, Optional and Map of those; declare a @StateCodec method"
            + " returning Codec<Counts.Tally> in the pipeline class, or make it a record or an"
            + " enum",
        totalsLine(1));
  }

  @Test
  void anInterfaceIsAnErrorToo() {
    assertError(
        keeping("Supplier<String>"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type"
            + " Supplier<String>, which Sluice cannot write into a checkpoint: Sluice encodes"
            + " primitives, String, enums, records, and List, Optional and Map of those; declare a"
            + " @StateCodec method returning Codec<Supplier<String>> in the pipeline class, or"
            + " make it a record or an enum",
        totalsLine(0));
  }

  @Test
  void aPrivateRecordInsideTheStateMustBeMadeAccessible() {
    assertError(
        keeping(
            "Session",
            "  private record Page(String url) {}",
            "  record Session(List<Page> pages) {}"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type"
            + " Counts.Session, which Sluice cannot write into a checkpoint: an element of"
            + " List<Counts.Page> in field 'pages' of record Session has type Counts.Page, which"
            + " is private (or nested in a private class), so the generated codec cannot name it;"
            + " make Counts.Page package-private",
        totalsLine(2));
  }

  @Test
  void aPrivateStateTypeMustBeMadeAccessible() {
    assertError(
        keeping("Color", "  private enum Color { RED }"),
        "[Sluice/Unencodable] @UpdateStateByKey stage totals keeps state of type Counts.Color,"
            + " which Sluice cannot write into a checkpoint: it is private (or nested in a private"
            + " class), so the generated codec cannot name it; make Counts.Color package-private",
        totalsLine(1));
  }

  @Test
  void keysOfAWindowAreCheckedToo() {
    List<String> lines = new ArrayList<>(HEADER);
    lines.addAll(
        List.of(
            "@Pipeline(batchInterval = \"1s\")", // 12
            "final class Windows {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static KV<Set<String>, Long> pairs(String s) {",
            "    return KV.of(Set.of(s), 1L);",
            "  }",
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"3s\")",
            "  static long sums(long a, long b) { return a + b; }", // 19
            "  @Output(from = \"sums\")",
            "  static Sink<KV<Set<String>, Long>> print() { return Sinks.print(); }",
            "}"));
    assertError(
        source("p.Windows", lines.toArray(new String[0])),
        "[Sluice/Unencodable] @ReduceByKeyAndWindow stage sums keeps keys of type Set<String>,"
            + " which Sluice cannot write into a checkpoint: Sluice encodes primitives, String,"
            + " enums, records, and List, Optional and Map of those; declare a @StateCodec method"
            + " returning Codec<Set<String>> in the pipeline class, or use a List",
        19);
  }

  @Test
  void windowedRecordsAreChecked() {
    List<String> lines = new ArrayList<>(HEADER);
    lines.addAll(
        List.of(
            "@Pipeline(batchInterval = \"1s\")", // 12
            "final class Windows {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Window(from = \"lines\", window = \"2s\")",
            "  static String recent(String s) { return s; }",
            "  @Map(from = \"recent\") static StringBuilder builders(String s) {",
            "    return new StringBuilder(s);",
            "  }",
            "  @Window(from = \"builders\", window = \"2s\")",
            "  static StringBuilder again(StringBuilder s) { return s; }", // 21
            "  @Output(from = \"again\")",
            "  static Sink<StringBuilder> print() { return Sinks.print(); }",
            "}"));
    assertError(
        source("p.Windows", lines.toArray(new String[0])),
        "[Sluice/Unencodable] @Window stage again keeps windowed records of type"
            + " StringBuilder, which Sluice cannot write into a checkpoint: Sluice encodes"
            + " primitives, String, enums, records, and List, Optional and Map of those; declare a"
            + " @StateCodec method returning Codec<StringBuilder> in the pipeline class, or make"
            + " it a record or an enum",
        21);
  }

  // ---- @StateCodec methods

  private static final String CODEC_BODY = "{ throw new UnsupportedOperationException(); }";

  @Test
  void aCodecMakesATypeEncodable() {
    Compilations.compileStrict(
        keeping("Set<String>", "  @StateCodec static Codec<Set<String>> sets() " + CODEC_BODY));
  }

  @Test
  void aCodecMethodMustBeStatic() {
    assertError(
        keeping("Set<String>", "  @StateCodec Codec<Set<String>> sets() " + CODEC_BODY),
        "[Sluice/CodecMethod] @StateCodec method sets is not static; the generated code calls"
            + " it once, without an instance, so declare it static Codec<T> sets()",
        14);
  }

  @Test
  void aCodecMethodMustNotBePrivate() {
    assertError(
        keeping(
            "Set<String>", "  @StateCodec private static Codec<Set<String>> sets() " + CODEC_BODY),
        "[Sluice/CodecMethod] @StateCodec method sets is private, but the generated code calls"
            + " it; make it package-private or public",
        14);
  }

  @Test
  void aCodecMethodTakesNoParameters() {
    assertError(
        keeping(
            "Set<String>",
            "  @StateCodec static Codec<Set<String>> sets(int size, String name) " + CODEC_BODY),
        "[Sluice/CodecMethod] @StateCodec method sets takes parameters (int, String); it takes"
            + " none: static Codec<T> sets()",
        14);
  }

  @Test
  void aCodecMethodReturnsACodec() {
    assertError(
        keeping("Long", "  @StateCodec static Supplier<Long> longs() " + CODEC_BODY),
        "[Sluice/CodecMethod] @StateCodec method longs returns Supplier<Long>; it must return"
            + " the Codec of one concrete type T, the type it encodes: static Codec<T> longs()",
        14);
  }

  @Test
  void aCodecMethodReturnsACodecOfAConcreteType() {
    assertError(
        keeping("Long", "  @StateCodec static <T> Codec<T> any() " + CODEC_BODY),
        "[Sluice/CodecMethod] @StateCodec method any returns Codec<T>; it must return the Codec"
            + " of one concrete type T, the type it encodes: static Codec<T> any()",
        14);
  }

  @Test
  void twoCodecsForOneTypeAreAnError() {
    assertError(
        keeping(
            "Set<String>",
            "  @StateCodec static Codec<Set<String>> sets() " + CODEC_BODY,
            "  @StateCodec static Codec<Set<String>> others() " + CODEC_BODY),
        "[Sluice/CodecMethod] @StateCodec method others returns a Codec<Set<String>>, but sets"
            + " already does; keep one codec per type",
        15);
  }
}
