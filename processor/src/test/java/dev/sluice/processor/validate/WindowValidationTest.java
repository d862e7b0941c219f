package dev.sluice.processor.validate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sluice.processor.Compilations;
import dev.sluice.processor.RecordingProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules of the window operators: one failing pipeline per rule, exactly one error with its
 * exact text on its line, and nothing generated. The stage under test starts on line 10.
 */
class WindowValidationTest {

  /** A 10 s pipeline with {@code lines} (String) and {@code pairs} (KV<String, Long>). */
  private static JavaFileObject windowed(String... body) {
    String[] lines = new String[body.length + 6];
    lines[0] = "@Pipeline(batchInterval = \"10s\")";
    lines[1] = "final class Ops {";
    lines[2] = "  @Input static Source<String> lines() { return Sources.demo(); }"; // 8
    lines[3] = "  @Map(from = \"lines\") static KV<String, Long> pairs(String s) { return null; }";
    System.arraycopy(body, 0, lines, 4, body.length); // from line 10
    lines[body.length + 4] =
        "  @Output(from = \"op\") static Sink<Object> print() { return Sinks.print(); }";
    lines[body.length + 5] = "}";
    return pipeline("Ops", lines);
  }

  private static void assertError(JavaFileObject file, String message, int line) {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(file);
    assertEquals(List.of(), processor.created());
    assertThat(compilation).failed();
    assertEquals(message, compilation.errors().get(0).getMessage(null));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
  }

  @Test
  void windowNotAMultipleOfTheInterval() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"25s\")",
            "  static long op(long a, long b) { return a + b; }"),
        "[Sluice/WindowDuration] @ReduceByKeyAndWindow(window = \"25s\") on op is not a multiple"
            + " of the batch interval \"10s\"; windows and slides are whole numbers of batches, so"
            + " use a multiple of \"10s\"",
        10);
  }

  @Test
  void slideNotAMultipleOfTheInterval() {
    assertError(
        windowed(
            "  @Window(from = \"lines\", window = \"30s\", slide = \"15s\")",
            "  static String op(String s) { return s; }"),
        "[Sluice/WindowDuration] @Window(slide = \"15s\") on op is not a multiple of the batch"
            + " interval \"10s\"; windows and slides are whole numbers of batches, so use a"
            + " multiple of \"10s\"",
        10);
  }

  @Test
  void windowThatIsNotADuration() {
    assertError(
        windowed(
            "  @CountByWindow(from = \"lines\", window = \"30 seconds\")",
            "  static long op(long count) { return count; }"),
        "[Sluice/WindowDuration] @CountByWindow(window = \"30 seconds\") on op is not a valid"
            + " duration; write a positive whole number followed by ms, s, m or h, such as \"30s\"",
        10);
  }

  @Test
  void inverseOfAnotherType() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static int minus(int a, int b) { return a - b; }"),
        "[Sluice/InverseFunction] inverse function int minus(int, int) of op does not undo long"
            + " values; declare it as long minus(long a, long b)",
        12);
  }

  @Test
  void privateInverseIsReportedAsPrivate() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\")",
            "  static long op(long a, long b) { return a + b; }",
            "  private static long minus(long a, long b) { return a - b; }"),
        "[Sluice/PrivateMethod] @ReduceByKeyAndWindow(inverse = \"minus\") on op names long"
            + " minus(long, long), which is private, but the generated OpsPipeline calls it; make"
            + " it package-private or public",
        12);
  }

  @Test
  void inverseOverloadIsChosenByTheStageTypesWhateverTheOrder() {
    JavaFileObject file =
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static int minus(int a, int b) { return a - b; }",
            "  static long minus(long a, long b) { return a - b; }");
    Compilation compilation = Compilations.compileStrict(file);
    assertTrue(
        Compilations.generated(compilation, "p.OpsPipeline").contains("Ops.minus(long, long)"));
  }

  @Test
  void inverseOverloadsNoneOfWhichFitAreListed() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static int minus(int a, int b) { return a - b; }",
            "  static double minus(double a, double b) { return a - b; }"),
        "[Sluice/InverseFunction] @ReduceByKeyAndWindow(inverse = \"minus\") on op names 2"
            + " methods, none of which fits: int minus(int, int), double minus(double, double);"
            + " declare long minus(long a, long b)",
        10);
  }

  @Test
  void privateFilterIsReportedAsPrivate() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\",",
            "      filter = \"kept\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static long minus(long a, long b) { return a - b; }",
            "  private static boolean kept(String key, long count) { return count > 0; }"),
        "[Sluice/PrivateMethod] @ReduceByKeyAndWindow(filter = \"kept\") on op names boolean"
            + " kept(String, long), which is private, but the generated OpsPipeline calls it;"
            + " make it package-private or public",
        14);
  }

  @Test
  void inverseNamingNoMethod() {
    assertError(
        windowed(
            "  @ReduceByWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\")",
            "  static KV<String, Long> op(KV<String, Long> a, KV<String, Long> b) { return a; }"),
        "[Sluice/InverseFunction] @ReduceByWindow(inverse = \"minus\") on op names no method of"
            + " the pipeline class; add KV<String, Long> minus(KV<String, Long> a, KV<String, Long>"
            + " b) or name an existing method",
        10);
  }

  @Test
  void filterWithoutInverse() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", filter = \"kept\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static boolean kept(String key, long count) { return count > 0; }"),
        "[Sluice/FilterFunction] @ReduceByKeyAndWindow(filter = \"kept\") on op has no inverse; a"
            + " filter applies only to an incremental window, so name an inverse function too",
        10);
  }

  @Test
  void filterOverAnotherValueType() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\",",
            "      filter = \"kept\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static long minus(long a, long b) { return a - b; }",
            "  static boolean kept(String key, int count) { return count > 0; }"),
        "[Sluice/FilterFunction] filter function boolean kept(String, int) of op does not fit its"
            + " window; declare it as boolean kept(String key, long value)",
        14);
  }

  @Test
  void filterOverAnotherKeyType() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\",",
            "      filter = \"kept\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static long minus(long a, long b) { return a - b; }",
            "  static boolean kept(Integer key, long count) { return count > 0; }"),
        "[Sluice/FilterFunction] filter function boolean kept(Integer, long) of op does not fit"
            + " its window; declare it as boolean kept(String key, long value)",
        14);
  }

  @Test
  void groupByKeyAndWindowTakesAList() {
    assertError(
        windowed(
            "  @GroupByKeyAndWindow(from = \"pairs\", window = \"30s\")",
            "  static String op(String key, Long values) { return key; }"),
        "[Sluice/ParameterType] parameter 2 of @GroupByKeyAndWindow method op is Long; it must be"
            + " a List of its values: R op(K key, List<V> values)",
        11);
  }

  @Test
  void countByValueAndWindowArity() {
    assertError(
        windowed(
            "  @CountByValueAndWindow(from = \"lines\", window = \"30s\")",
            "  static String op(String value) { return value; }"),
        "[Sluice/Arity] @CountByValueAndWindow method op takes 1 parameter; a"
            + " @CountByValueAndWindow method takes two, the value and its count: R op(T value,"
            + " long count)",
        11);
  }

  @Test
  void reduceByKeyAndWindowOverAnotherValueType() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\")",
            "  static int op(int a, int b) { return a + b; }"),
        "[Sluice/ReduceFunction] @ReduceByKeyAndWindow method op combines int values but reads"
            + " KV<String, Long>: pairs (@Map) produces KV<String, Long> -> op"
            + " (@ReduceByKeyAndWindow, from = \"pairs\"); declare it as long op(long a, long b)"
            + " or Long op(Long a, Long b)",
        11);
  }

  @Test
  void updateStateByKeyWithoutOneStateType() {
    assertError(
        windowed(
            "  @UpdateStateByKey(from = \"pairs\")",
            "  static java.util.Optional<String> op(java.util.List<Long> values,",
            "      java.util.Optional<Long> state) { return null; }"),
        "[Sluice/StateType] @UpdateStateByKey method op is Optional<String> op(List<Long>,"
            + " Optional<Long>); it must take and return the state it keeps, an Optional of one"
            + " concrete type S: Optional<S> op(List<V> newValues, Optional<S> state)",
        11);
  }

  @Test
  void updateStateByKeyOverAnotherValueType() {
    assertError(
        windowed(
            "  @UpdateStateByKey(from = \"pairs\")",
            "  static java.util.Optional<Long> op(java.util.List<String> values,",
            "      java.util.Optional<Long> state) { return null; }"),
        "[Sluice/TypeMismatch] @UpdateStateByKey method op takes (List<String>, Optional<Long>)"
            + " but reads KV<String, Long>: pairs (@Map) produces KV<String, Long> -> op"
            + " (@UpdateStateByKey, from = \"pairs\"); declare it as Optional<S> op(List<Long>"
            + " newValues, Optional<S> state)",
        11);
  }

  @Test
  void mapWithStateWithoutAStateParameter() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\")",
            "  static String op(String key, java.util.Optional<Long> value,",
            "      State state) { return key; }"),
        "[Sluice/StateType] @MapWithState method op is String op(String, Optional<Long>, State);"
            + " it must take the state it keeps, a State of one concrete type S: R op(K key,"
            + " Optional<V> value, State<S> state)",
        12);
  }

  @Test
  void mapWithStateWithAnotherLastParameter() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\")",
            "  static String op(String key, java.util.Optional<Long> value,",
            "      java.util.Optional<Long> state) { return key; }"),
        "[Sluice/StateType] @MapWithState method op is String op(String, Optional<Long>,"
            + " Optional<Long>); it must take the state it keeps, a State of one concrete type S:"
            + " R op(K key, Optional<V> value, State<S> state)",
        12);
  }

  @Test
  void mapWithStateWithTwoParameters() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\")",
            "  static String op(String key, State<Long> state) { return key; }"),
        "[Sluice/Arity] @MapWithState method op takes 2 parameters; a @MapWithState method takes"
            + " three, the key, the value and the state: R op(K key, Optional<V> value, State<S>"
            + " state)",
        11);
  }

  @Test
  void mapWithStateWithAPlainValue() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\")",
            "  static String op(String key, Long value, State<Long> state) { return key; }"),
        "[Sluice/ParameterType] parameter 2 of @MapWithState method op is Long; it must be an"
            + " Optional of the record's value, empty only for a timeout call: R op(K key,"
            + " Optional<V> value, State<S> state)",
        11);
  }

  @Test
  void mapWithStateOverAnotherValueType() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\")",
            "  static String op(String key, java.util.Optional<String> value, State<Long> state) {",
            "    return key;",
            "  }"),
        "[Sluice/TypeMismatch] @MapWithState method op takes (String, Optional<String>,"
            + " State<Long>) but reads KV<String, Long>: pairs (@Map) produces KV<String, Long> ->"
            + " op (@MapWithState, from = \"pairs\"); declare it as R op(String key,"
            + " Optional<Long> value, State<S> state)",
        11);
  }

  @Test
  void mapWithStateTimeoutNotADuration() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\", timeout = \"10 minutes\")",
            "  static String op(String key, java.util.Optional<Long> value, State<Long> state) {",
            "    return key;",
            "  }"),
        "[Sluice/StateTimeout] @MapWithState(timeout = \"10 minutes\") on op is not a valid"
            + " duration; write a positive whole number followed by ms, s, m or h, such as"
            + " \"10m\", or leave it empty for no timeout",
        10);
  }

  @Test
  void mapWithStateFullScanBelowOne() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\", timeout = \"1m\", fullScanBatches = 0)",
            "  static String op(String key, java.util.Optional<Long> value, State<Long> state) {",
            "    return key;",
            "  }"),
        "[Sluice/StateTimeout] @MapWithState(fullScanBatches = 0) on op is less than 1; idle"
            + " keys are looked for every fullScanBatches batches (Spark's checkpoint interval of"
            + " the state stream, 10 by default)",
        10);
  }

  @Test
  void snapshotsOfAStagelessState() {
    assertError(
        windowed(
            "  @StateSnapshots(from = \"pairs\")",
            "  static String op(String key, Long state) { return key; }"),
        "[Sluice/SnapshotSource] @StateSnapshots(from = \"pairs\") on op reads pairs (@Map)"
            + " produces KV<String, Long>; it must read exactly one @MapWithState stage, whose"
            + " states it emits every batch",
        10);
  }

  @Test
  void snapshotsOfAnotherStateType() {
    assertError(
        windowed(
            "  @MapWithState(from = \"pairs\")",
            "  static String track(String key, java.util.Optional<Long> value, State<Long> state) {",
            "    return key;",
            "  }",
            "  @StateSnapshots(from = \"track\")",
            "  static String op(String key, String state) { return key; }"),
        "[Sluice/TypeMismatch] @StateSnapshots method op takes (String, String) but reads the"
            + " keys and states of track, String and Long: track (@MapWithState) produces String"
            + " -> op (@StateSnapshots, from = \"track\"); declare it as R op(String key, Long"
            + " state)",
        15);
  }

  @Test
  void windowOverAWindowNotAMultipleOfItsSlide() {
    assertError(
        windowed(
            "  @Window(from = \"lines\", window = \"40s\", slide = \"20s\")",
            "  static String recent(String s) { return s; }",
            "  @Window(from = \"recent\", window = \"50s\", slide = \"20s\")",
            "  static String op(String s) { return s; }"),
        "[Sluice/ParentSlide] @Window(window = \"50s\") on op is not a multiple of the slide"
            + " \"20s\" of recent, which it reads; Spark requires a window's duration and slide to"
            + " be multiples of the slide duration of the parent DStream, so use a multiple of"
            + " \"20s\"",
        12);
  }

  @Test
  void windowOverAKeyedWindowWithoutASlide() {
    assertError(
        windowed(
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"40s\", slide = \"20s\")",
            "  static long counts(long a, long b) { return a + b; }",
            "  @ReduceByKeyAndWindow(from = \"counts\", window = \"60s\")",
            "  static long op(long a, long b) { return a + b; }"),
        "[Sluice/ParentSlide] @ReduceByKeyAndWindow(slide = \"\") on op is not a multiple of the"
            + " slide \"20s\" of counts, which it reads; Spark requires a window's duration and"
            + " slide to be multiples of the slide duration of the parent DStream, so use a"
            + " multiple of \"20s\"",
        12);
  }

  @Test
  void unionOfStreamsWithDifferentSlides() {
    assertError(
        windowed(
            "  @Window(from = \"lines\", window = \"30s\", slide = \"20s\")",
            "  static String recent(String s) { return s; }",
            "  @Filter(from = {\"recent\", \"lines\"})",
            "  static boolean op(String s) { return true; }"),
        "[Sluice/DifferentSlides] @Filter(from = {\"recent\", \"lines\"}) on op reads recent,"
            + " sliding every 20s, and lines, sliding every 10s; Spark rejects this (\"Some of the"
            + " DStreams have different slide durations\"), so window them alike",
        12);
  }

  @Test
  void joinOfStreamsWithDifferentSlides() {
    assertError(
        windowed(
            "  @Window(from = \"pairs\", window = \"30s\", slide = \"30s\")",
            "  static KV<String, Long> recent(KV<String, Long> p) { return p; }",
            "  @Join(left = \"recent\", right = \"pairs\")",
            "  static String op(String k, Long a, Long b) { return k; }"),
        "[Sluice/DifferentSlides] @Join(left = \"recent\", right = \"pairs\") on op reads recent,"
            + " sliding every 30s, and pairs, sliding every 10s; Spark rejects this (\"Some of the"
            + " DStreams have different slide durations\"), so window them alike",
        12);
  }

  @Test
  void windowOverAWindowWithMultiplesCompiles() {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(processor)
            .compile(
                windowed(
                    "  @Window(from = \"lines\", window = \"40s\", slide = \"20s\")",
                    "  static String recent(String s) { return s; }",
                    "  @Window(from = \"recent\", window = \"60s\", slide = \"40s\")",
                    "  static String op(String s) { return s; }"));
    assertThat(compilation).succeeded();
  }
}
