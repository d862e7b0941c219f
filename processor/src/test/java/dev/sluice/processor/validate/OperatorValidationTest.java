package dev.sluice.processor.validate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sluice.processor.RecordingProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules of the per-batch and keyed operators: one failing pipeline per rule, exactly one error
 * with its exact text on its line, and nothing generated. Each pipeline's stage under test is on
 * line 9 or 10.
 */
class OperatorValidationTest {

  /**
   * A pipeline with {@code lines} (String) and {@code pairs} (KV<String, Long>), then {@code body}.
   */
  private static JavaFileObject keyed(String... body) {
    String[] lines = new String[body.length + 5];
    lines[0] = "@Pipeline";
    lines[1] = "final class Ops {";
    lines[2] = "  @Input static Source<String> lines() { return Sources.demo(); }"; // 8
    lines[3] = "  @Map(from = \"lines\") static KV<String, Long> pairs(String s) { return null; }";
    System.arraycopy(body, 0, lines, 4, body.length); // from line 10
    lines[body.length + 4] = "}";
    return pipeline("Ops", lines);
  }

  private static final String PRINT =
      "  @Output(from = \"op\") static Sink<Object> print() { return Sinks.print(); }";

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
  void repartitionIntoNoPartitions() {
    assertError(
        keyed(
            "  @Repartition(from = \"lines\", partitions = 0) static String op(String s) {"
                + " return s; }",
            PRINT),
        "[Sluice/Partitions] @Repartition(partitions = 0) on op is less than 1; repartition into a"
            + " positive number of partitions",
        10);
  }

  @Test
  void countTakesALong() {
    assertError(
        keyed("  @Count(from = \"lines\") static long op(int count) { return count; }", PRINT),
        "[Sluice/ParameterType] parameter 1 of @Count method op is int; it must be long: R"
            + " op(long count)",
        10);
  }

  @Test
  void groupByKeyOverRecordsThatAreNotPairs() {
    assertError(
        keyed(
            "  @GroupByKey(from = \"lines\") static String op(String k, java.util.List<Long> v) {"
                + " return k; }",
            PRINT),
        "[Sluice/KeyedInput] @GroupByKey(from = \"lines\") on op reads String, not a KV<K, V> with"
            + " concrete K and V: lines (@Input) produces String -> op (@GroupByKey, from ="
            + " \"lines\"); read a stage that produces KV records, such as a @Map that returns"
            + " KV.of(key, value)",
        10);
  }

  @Test
  void groupByKeyWithTheWrongValueType() {
    assertError(
        keyed(
            "  @GroupByKey(from = \"pairs\") static String op(String k, java.util.List<Integer> v)"
                + " { return k; }",
            PRINT),
        "[Sluice/TypeMismatch] @GroupByKey method op takes (String, List<Integer>) but reads"
            + " KV<String, Long>: pairs (@Map) produces KV<String, Long> -> op (@GroupByKey, from ="
            + " \"pairs\"); declare it as R op(String key, List<Long> values)",
        10);
  }

  @Test
  void joinOfDifferentKeyTypes() {
    assertError(
        keyed(
            "  @Map(from = \"lines\") static KV<Integer, Long> bySize(String s) { return null; }",
            "  @Join(left = \"pairs\", right = \"bySize\") static String op(String k, Long a, Long b)"
                + " { return k; }",
            PRINT),
        "[Sluice/JoinKeys] @Join(left = \"pairs\", right = \"bySize\") on op joins keys of different"
            + " types: pairs (@Map) produces KV<String, Long>, bySize (@Map) produces KV<Integer,"
            + " Long>; both sides must be KV records with the same key type",
        11);
  }

  @Test
  void outerJoinSideThatIsNotOptional() {
    assertError(
        keyed(
            "  @Join(left = \"pairs\", right = \"pairs\", kind = JoinKind.LEFT_OUTER)",
            "  static String op(String k, Long a, Long b) { return k; }",
            PRINT),
        "[Sluice/ParameterType] parameter 3 of @Join method op is Long; it must be an Optional of"
            + " the right value, absent in a LEFT_OUTER join: R op(K key, V left, Optional<W>"
            + " right)",
        11);
  }

  @Test
  void combineByKeyNamingNoMethod() {
    assertError(
        keyed(
            "  @CombineByKey(from = \"pairs\", createCombiner = \"mk\", mergeValue = \"add\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static long add(long c, Long v) { return c + v; }",
            PRINT),
        "[Sluice/CombineFunctions] @CombineByKey(createCombiner = \"mk\") on op names no method of"
            + " the pipeline class; add C mk(Long value) or name an existing method",
        10);
  }

  @Test
  void combineByKeyWhoseFunctionsDoNotLineUp() {
    assertError(
        keyed(
            "  @CombineByKey(from = \"pairs\", createCombiner = \"mk\", mergeValue = \"add\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static int mk(Long v) { return 1; }",
            "  static long add(long c, Long v) { return c + v; }",
            PRINT),
        "[Sluice/CombineFunctions] the functions of @CombineByKey method op do not line up over"
            + " KV<String, Long>: int mk(Long) with long op(long, long) (pairs (@Map) produces"
            + " KV<String, Long> -> op (@CombineByKey, from = \"pairs\")); declare them as C"
            + " mk(Long value), C add(C combiner, Long value) and C op(C a, C b), with one"
            + " combiner type C",
        12);
  }

  @Test
  void privateCreateCombinerIsReportedAsPrivate() {
    assertError(
        keyed(
            "  @CombineByKey(from = \"pairs\", createCombiner = \"mk\", mergeValue = \"add\")",
            "  static long op(long a, long b) { return a + b; }",
            "  private static long mk(Long v) { return v; }",
            "  static long add(long c, Long v) { return c + v; }",
            PRINT),
        "[Sluice/PrivateMethod] @CombineByKey(createCombiner = \"mk\") on op names long mk(Long),"
            + " which is private, but the generated OpsPipeline calls it; make it package-private"
            + " or public",
        12);
  }

  @Test
  void privateMergeValueIsReportedAsPrivate() {
    assertError(
        keyed(
            "  @CombineByKey(from = \"pairs\", createCombiner = \"mk\", mergeValue = \"add\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static long mk(Long v) { return v; }",
            "  private static long add(long c, Long v) { return c + v; }",
            PRINT),
        "[Sluice/PrivateMethod] @CombineByKey(mergeValue = \"add\") on op names long add(long,"
            + " Long), which is private, but the generated OpsPipeline calls it; make it"
            + " package-private or public",
        13);
  }

  @Test
  void createCombinerOverloadsThatAllFitAreListed() {
    assertError(
        keyed(
            "  @CombineByKey(from = \"pairs\", createCombiner = \"mk\", mergeValue = \"add\")",
            "  static long op(long a, long b) { return a + b; }",
            "  static long mk(Long v) { return v; }",
            "  static long mk(Object v) { return 1L; }",
            "  static long add(long c, Long v) { return c + v; }",
            PRINT),
        "[Sluice/CombineFunctions] @CombineByKey(createCombiner = \"mk\") on op names 2 methods"
            + " that fit: long mk(Long), long mk(Object); keep only one of them, or name the one"
            + " you mean differently",
        10);
  }

  @Test
  void outputWrittenLikeForeachRddGetsTheForeachBatchHint() {
    assertError(
        keyed(
            "  @ReduceByKey(from = \"pairs\") static long op(long a, long b) { return a + b; }",
            "  @Output(from = \"op\") static void print(KV<String, Long> r) {}"),
        "[Sluice/Arity] @Output method print takes 1 parameter; an @Output method takes none:"
            + " Sink<T> print(); to run code on each batch's records, as with Spark's foreachRDD,"
            + " return a sink that does it: Sink<KV<String, Long>> print() { return"
            + " Sinks.foreachBatch((time, records) -> ...); }",
        11);
  }

  @Test
  void transformReturningNoList() {
    assertError(
        keyed(
            "  @Transform(from = \"lines\") static String op(java.util.List<String> b) {"
                + " return null; }",
            PRINT),
        "[Sluice/ReturnType] @Transform method op returns String; a @Transform method returns a"
            + " List of the records it produces: List<R> op(List<T> batch) or List<R> op(List<T>"
            + " batch, long time)",
        10);
  }

  @Test
  void mapPartitionsOverTheWrongRecords() {
    assertError(
        keyed(
            "  @MapPartitions(from = \"lines\")",
            "  static void op(java.util.List<Integer> p, Emitter<String> out) {}",
            PRINT),
        "[Sluice/TypeMismatch] @MapPartitions method op takes (List<Integer>, Emitter<String>) but"
            + " reads String: lines (@Input) produces String -> op (@MapPartitions, from ="
            + " \"lines\"); declare it as void op(List<String> partition, Emitter<R> out)",
        11);
  }

  @Test
  void reduceOverAnotherType() {
    assertError(
        keyed("  @Reduce(from = \"lines\") static int op(int a, int b) { return a; }", PRINT),
        "[Sluice/ReduceFunction] @Reduce method op combines int values but reads String: lines"
            + " (@Input) produces String -> op (@Reduce, from = \"lines\"); declare it as String"
            + " op(String a, String b)",
        10);
  }

  @Test
  void cogroupWithTooFewParameters() {
    assertError(
        keyed(
            "  @Cogroup(left = \"pairs\", right = \"pairs\") static String op(String k) {"
                + " return k; }",
            PRINT),
        "[Sluice/Arity] @Cogroup method op takes 1 parameter; a @Cogroup method takes three, the"
            + " key and the two sides: R op(K key, List<V> left, List<W> right)",
        10);
  }
}
