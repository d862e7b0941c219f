package dev.sluice.processor.validate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.pipeline;
import static dev.sluice.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sluice.processor.RecordingProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One failing pipeline per rule: exactly one error, with its exact text, on the exact line (and
 * column where the error points into an annotation), and nothing generated. Sources start with the
 * five header lines of {@code Compilations.pipeline}, so their body starts on line 6.
 */
class ValidationTest {

  /** WordCount with {@code pairs} reading {@code from}, for wiring errors. */
  private static JavaFileObject wordCount(String pairsAnnotation) {
    return pipeline(
        "WordCount",
        "@Pipeline(batchInterval = \"2s\")", // 6
        "final class WordCount {",
        "  @Input static Source<String> lines() { return Sources.demo(); }",
        "  @FlatMap(from = \"lines\")",
        "  static void words(String line, Emitter<String> out) { out.emit(line); }", // 10
        "  " + pairsAnnotation,
        "  static KV<String, Long> pairs(String word) { return KV.of(word, 1L); }",
        "  @ReduceByKey(from = \"pairs\") static long counts(long a, long b) { return a + b; }",
        "  @Output(from = \"counts\")",
        "  static Sink<KV<String, Long>> print() { return Sinks.print(); }", // 15
        "}");
  }

  private static void assertError(JavaFileObject file, String message, int line) {
    Compilation compilation = compileWithoutOutput(file);
    assertOnlyError(compilation, message);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
  }

  private static void assertError(JavaFileObject file, String message, int line, int column) {
    Compilation compilation = compileWithoutOutput(file);
    assertOnlyError(compilation, message);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line).atColumn(column);
  }

  /** Compiles {@code files}, asserting the processor wrote no source: errors generate nothing. */
  private static Compilation compileWithoutOutput(JavaFileObject... files) {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(files);
    assertEquals(List.of(), processor.created());
    return compilation;
  }

  private static void assertOnlyError(Compilation compilation, String message) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertEquals(message, compilation.errors().get(0).getMessage(null));
  }

  // ---- wiring

  @Test
  void unknownFromSuggestsTheClosestStage() {
    assertError(
        wordCount("@Map(from = \"lnes\")"),
        "[Sluice/UnknownFrom] @Map(from = \"lnes\") on pairs names no stage of pipeline"
            + " WordCount; stages are: lines, words, pairs, counts, print (did you mean"
            + " \"lines\"?)",
        11,
        15);
  }

  @Test
  void unknownFromWithNothingCloseSuggestsNothing() {
    assertError(
        wordCount("@Map(from = \"sentences\")"),
        "[Sluice/UnknownFrom] @Map(from = \"sentences\") on pairs names no stage of pipeline"
            + " WordCount; stages are: lines, words, pairs, counts, print",
        11,
        15);
  }

  @Test
  void emptyFromNamesNoStage() {
    assertError(
        wordCount("@Map(from = {})"),
        "[Sluice/MissingFrom] @Map(from = {}) on pairs names no stage to read; name the stage it"
            + " reads, as in @Map(from = \"words\")",
        11,
        15);
  }

  @Test
  void aUnionOfStagesOfDifferentTypesIsAnError() {
    JavaFileObject file =
        pipeline(
            "Mixed",
            "@Pipeline",
            "final class Mixed {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static int lengths(String line) { return line.length(); }",
            "  @Filter(from = {\"lines\", \"lengths\"}) static boolean all(Object o) {", // 10
            "    return true;",
            "  }",
            "  @Output(from = \"all\") static Sink<Object> print() { return Sinks.print(); }",
            "}");
    assertError(
        file,
        "[Sluice/UnionTypes] @Filter(from = {\"lines\", \"lengths\"}) on all reads stages of"
            + " different types: lines (@Input) produces String, lengths (@Map) produces int; a"
            + " union reads stages of one type, so read stages that produce the same type, or map"
            + " them to one type first",
        10,
        18);
  }

  @Test
  void readingAnOutputIsAnError() {
    JavaFileObject file =
        pipeline(
            "Echo",
            "@Pipeline",
            "final class Echo {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<String> print() { return Sinks.print(); }",
            "  @Map(from = \"print\") static String again(String line) { return line; }", // 10
            "  @Output(from = \"again\") static Sink<String> more() { return Sinks.print(); }",
            "}");
    assertError(
        file,
        "[Sluice/ReadsOutput] @Map(from = \"print\") on again reads print, an @Output, which"
            + " produces no records; read the stage print writes, or another stage that produces"
            + " records",
        10,
        15);
  }

  @Test
  void cycleIsNamedInTheDirectionRecordsFlow() {
    JavaFileObject file =
        pipeline(
            "Loop",
            "@Pipeline",
            "final class Loop {", // 7
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"c\") static String a(String s) { return s; }",
            "  @Map(from = \"a\") static String b(String s) { return s; }", // 10
            "  @Map(from = \"b\") static String c(String s) { return s; }",
            "  @Output(from = \"c\") static Sink<String> print() { return Sinks.print(); }",
            "  @Output(from = \"lines\") static Sink<String> echo() { return Sinks.print(); }",
            "}");
    assertError(
        file,
        "[Sluice/Cycle] stages of pipeline Loop read each other in a cycle: a -> b -> c -> a;"
            + " records must flow from an @Input to an @Output, so change the from of one of these"
            + " stages",
        9,
        15);
  }

  @Test
  void aStageReadingItselfIsACycleOnItsFrom() {
    JavaFileObject file =
        pipeline(
            "Loop",
            "@Pipeline",
            "final class Loop {", // 7
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Filter(from = \"nonEmpty\")",
            "  static boolean nonEmpty(String s) { return !s.isEmpty(); }", // 10
            "  @Output(from = \"nonEmpty\") static Sink<String> print() { return Sinks.print(); }",
            "}");
    assertError(
        file,
        "[Sluice/Cycle] stages of pipeline Loop read each other in a cycle: nonEmpty -> nonEmpty;"
            + " records must flow from an @Input to an @Output, so change the from of one of these"
            + " stages",
        9,
        18);
  }

  // ---- types along the wiring

  @Test
  void typeMismatchShowsThePathThroughFilters() {
    JavaFileObject file =
        pipeline(
            "Lengths",
            "@Pipeline",
            "final class Lengths {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Filter(from = \"lines\") static boolean full(String s) { return !s.isEmpty(); }",
            "  @Map(from = \"full\") static int lengths(Integer count) { return count; }", // 10
            "  @Output(from = \"lengths\") static Sink<Integer> print() { return Sinks.print(); }",
            "}");
    assertError(
        file,
        "[Sluice/TypeMismatch] lengths takes Integer but reads String: lines (@Input) produces"
            + " String -> full (@Filter) keeps String -> lengths (@Map, from = \"full\") takes"
            + " Integer; declare the parameter as String (or a supertype of it), or read a stage"
            + " that produces Integer",
        10,
        50);
  }

  @Test
  void sinkThatCannotWriteTheRecordsIsATypeMismatch() {
    assertError(
        pipeline(
            "Print",
            "@Pipeline",
            "final class Print {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\")",
            "  static Sink<Integer> print() { return Sinks.print(); }", // 10
            "}"),
        "[Sluice/TypeMismatch] print writes Sink<Integer> but reads String: lines (@Input)"
            + " produces String -> print (@Output, from = \"lines\") writes Sink<Integer>; return"
            + " a Sink<String> (or a Sink of a supertype), or read a stage whose records"
            + " Sink<Integer> can write",
        10);
  }

  @Test
  void reduceByKeyOverRecordsThatAreNotKeyValuePairs() {
    assertError(
        pipeline(
            "Counts",
            "@Pipeline",
            "final class Counts {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @ReduceByKey(from = \"lines\") static long counts(long a, long b) { return a + b; }",
            "  @Output(from = \"counts\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/KeyedInput] @ReduceByKey(from = \"lines\") on counts reads String, not a KV<K,"
            + " V> with concrete K and V: lines (@Input) produces String -> counts (@ReduceByKey,"
            + " from = \"lines\"); read a stage that produces KV records, such as a @Map that"
            + " returns KV.of(key, value)",
        9,
        23);
  }

  @Test
  void reduceFunctionOverOtherValuesThanItReads() {
    assertError(
        pipeline(
            "Counts",
            "@Pipeline",
            "final class Counts {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\")",
            "  static KV<String, Long> pairs(String word) { return KV.of(word, 1L); }", // 10
            "  @ReduceByKey(from = \"pairs\") static int counts(int a, int b) { return a + b; }",
            "  @Output(from = \"counts\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/ReduceFunction] @ReduceByKey method counts combines int values but reads"
            + " KV<String, Long>: pairs (@Map) produces KV<String, Long> -> counts (@ReduceByKey,"
            + " from = \"pairs\"); declare it as long counts(long a, long b) or Long counts(Long a,"
            + " Long b)",
        11);
  }

  // ---- signatures

  @Test
  void reduceFunctionMustTakeAndReturnOneType() {
    assertError(
        pipeline(
            "Counts",
            "@Pipeline",
            "final class Counts {",
            "  @Input static Source<KV<String, Long>> pairs() { return null; }",
            "  @ReduceByKey(from = \"pairs\") static long counts(long a, int b) { return a; }",
            "  @Output(from = \"counts\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/ReduceFunction] @ReduceByKey method counts is long counts(long, int); a reduce"
            + " function takes two values of one type and returns that type: V counts(V a, V b)",
        9);
  }

  @Test
  void mapWithTwoParametersHasTheWrongArity() {
    assertError(
        pipeline(
            "Pairs",
            "@Pipeline",
            "final class Pairs {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static String pairs(String a, String b) { return a; }",
            "  @Output(from = \"pairs\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/Arity] @Map method pairs takes 2 parameters; a @Map method takes one, the"
            + " record: R pairs(T record)",
        9);
  }

  @Test
  void filterMustReturnBoolean() {
    assertError(
        pipeline(
            "Full",
            "@Pipeline",
            "final class Full {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Filter(from = \"lines\") static String full(String s) { return s; }",
            "  @Output(from = \"full\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/ReturnType] @Filter method full returns String; a @Filter method returns"
            + " boolean: boolean full(T record)",
        9);
  }

  @Test
  void mapMustReturnTheNewRecord() {
    assertError(
        pipeline(
            "Log",
            "@Pipeline",
            "final class Log {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static void logged(String s) {}",
            "  @Output(from = \"logged\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/ReturnType] @Map method logged returns void; a @Map method returns the new"
            + " record: R logged(T record)",
        9);
  }

  @Test
  void flatMapMustReturnVoid() {
    assertError(
        pipeline(
            "Words",
            "@Pipeline",
            "final class Words {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @FlatMap(from = \"lines\")",
            "  static java.util.List<String> words(String line, Emitter<String> out) {", // 10
            "    return null;",
            "  }",
            "  @Output(from = \"words\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/ReturnType] @FlatMap method words returns List<String>; a @FlatMap method"
            + " returns void and emits its records to the Emitter: void words(T record, Emitter<R>"
            + " out)",
        10);
  }

  @Test
  void flatMapEmitsThroughATypedEmitter() {
    assertError(
        pipeline(
            "Words",
            "@Pipeline",
            "final class Words {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @FlatMap(from = \"lines\")",
            "  static void words(String line, java.util.List<String> out) {}", // 10
            "  @Output(from = \"words\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/EmitterParameter] the second parameter of @FlatMap method words is"
            + " List<String>; it must be the Emitter of the records it emits, with their type:"
            + " void words(T record, Emitter<R> out)",
        10,
        57);
  }

  @Test
  void inputMustReturnATypedSource() {
    assertError(
        pipeline(
            "Raw",
            "@Pipeline",
            "final class Raw {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Input static Source lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/SourceType] @Input method lines returns Source; an @Input method returns the"
            + " default Source of its records, with their type, such as Source<String> lines()",
        9);
  }

  @Test
  void outputMustReturnATypedSink() {
    assertError(
        pipeline(
            "Wild",
            "@Pipeline",
            "final class Wild {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<?> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/SinkType] @Output method print returns Sink<?>; an @Output method returns the"
            + " default Sink of its records, with their type, such as Sink<String> print()",
        9);
  }

  @Test
  void inputTakesNoParameters() {
    assertError(
        pipeline(
            "Port",
            "@Pipeline",
            "final class Port {",
            "  @Input static Source<String> lines(int port) { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/Arity] @Input method lines takes 1 parameter; an @Input method takes none:"
            + " Source<T> lines()",
        8);
  }

  // ---- methods and the class

  @Test
  void privateStageMethod() {
    assertError(
        pipeline(
            "Hidden",
            "@Pipeline",
            "final class Hidden {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") private static String upper(String s) { return s; }",
            "  @Output(from = \"upper\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/PrivateMethod] @Map method upper is private, but the generated HiddenPipeline"
            + " calls it; make it package-private or public",
        9);
  }

  @Test
  void privateNestedPipelineClass() {
    assertError(
        pipeline(
            "Outer",
            "final class Outer {",
            "  @Pipeline",
            "  private static final class Inner {",
            "    @Input static Source<String> lines() { return Sources.demo(); }",
            "    @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "  }",
            "}"),
        "[Sluice/InaccessibleClass] pipeline class Outer.Inner is private, but the generated"
            + " Outer_InnerPipeline calls its methods from the same package; make Outer.Inner"
            + " package-private or public",
        8);
  }

  @Test
  void pipelineClassInsideAPrivateClass() {
    assertError(
        pipeline(
            "Outer",
            "final class Outer {",
            "  private static final class Middle {",
            "    @Pipeline",
            "    static final class Inner {",
            "      @Input static Source<String> lines() { return Sources.demo(); }", // 10
            "      @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "    }",
            "  }",
            "}"),
        "[Sluice/InaccessibleClass] pipeline class Outer.Middle.Inner is nested in private class"
            + " Outer.Middle, but the generated Outer_Middle_InnerPipeline calls its methods from"
            + " the same package; make Outer.Middle package-private or public",
        9);
  }

  @Test
  void instanceMethodsNeedANoArgumentConstructor() {
    assertError(
        pipeline(
            "Configured",
            "@Pipeline",
            "final class Configured {",
            "  private final String host;",
            "  Configured(String host) { this.host = host; }",
            "  @Input Source<String> lines() { return Sources.socketText(host, 9999); }", // 10
            "  @Output(from = \"lines\") Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/NoInstance] Configured has instance stage methods (lines, print) but no"
            + " no-argument constructor the generated ConfiguredPipeline can call; add a"
            + " non-private Configured() or make those methods static",
        7);
  }

  @Test
  void instanceMethodsOfAnAbstractClass() {
    assertError(
        pipeline(
            "Base",
            "@Pipeline",
            "abstract class Base {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") String upper(String s) { return s; }",
            "  @Output(from = \"upper\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/NoInstance] Base is abstract, so the generated BasePipeline cannot create the"
            + " instance its instance stage methods (upper) run on; make the class concrete or"
            + " those methods static",
        7);
  }

  @Test
  void anAbstractOperatorMethod() {
    assertError(
        pipeline(
            "Base",
            "@Pipeline",
            "abstract class Base {",
            "  @Input abstract Source<String> lines();",
            "  @Map(from = \"lines\") abstract String upper(String s);",
            "  @Output(from = \"upper\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/AbstractStage] @Map method upper is abstract, so there is no code for it to"
            + " run; only an @Input may be abstract (an input with no default source), so give"
            + " upper a body",
        9);
  }

  @Test
  void anOutputWithoutBodyInAnInterface() {
    assertError(
        pipeline(
            "Printed",
            "@Pipeline",
            "interface Printed {",
            "  @Input Source<String> lines();",
            "  @Output(from = \"lines\") Sink<Object> print();",
            "}"),
        "[Sluice/AbstractStage] @Output method print is abstract, so there is no code for it to"
            + " run; only an @Input may be abstract (an input with no default source), so give"
            + " print a body",
        9);
  }

  @Test
  void anAbstractInputDoesNotExcuseOtherInstanceMethodsOfAnAbstractClass() {
    assertError(
        pipeline(
            "Base",
            "@Pipeline",
            "abstract class Base {",
            "  @Input abstract Source<String> lines();",
            "  @Output(from = \"lines\") Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/NoInstance] Base is abstract, so the generated BasePipeline cannot create the"
            + " instance its instance stage methods (print) run on; its abstract inputs (lines)"
            + " keep it abstract, so make those methods static",
        7);
  }

  @Test
  void instanceMethodsOfAnInnerClass() {
    assertError(
        pipeline(
            "Outer",
            "final class Outer {",
            "  @Pipeline",
            "  final class Inner {",
            "    @Input Source<String> lines() { return Sources.demo(); }",
            "    @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "  }",
            "}"),
        "[Sluice/NoInstance] Outer.Inner is an inner class, so the generated Outer_InnerPipeline"
            + " cannot create the instance its instance stage methods (lines) run on; make the"
            + " class static or those methods static",
        8);
  }

  @Test
  void genericStageMethod() {
    assertError(
        pipeline(
            "Generic",
            "@Pipeline",
            "final class Generic {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static <T> T same(T t) { return t; }",
            "  @Output(from = \"same\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/TypeParameters] @Map method same declares type parameters <T>; stage methods"
            + " cannot be generic, so use concrete types",
        9);
  }

  @Test
  void genericPipelineClass() {
    assertError(
        pipeline(
            "Box",
            "@Pipeline",
            "final class Box<T, U> {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/TypeParameters] pipeline class Box declares type parameters <T, U>; a pipeline"
            + " class cannot be generic, so use concrete types",
        7);
  }

  @Test
  void overloadedStageMethodsAreDuplicateStages() {
    assertError(
        pipeline(
            "Twice",
            "@Pipeline",
            "final class Twice {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static String upper(String s) { return s; }",
            "  @Map(from = \"lines\") static String upper(CharSequence s) { return \"\"; }", // 10
            "  @Output(from = \"upper\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/DuplicateStage] @Map method upper(CharSequence) declares stage upper again;"
            + " @Map method upper(String) declared it first, and stage names (the method names)"
            + " must be unique, so rename one of them",
        10);
  }

  @Test
  void pipelineWithoutOutput() {
    assertError(
        pipeline(
            "Silent",
            "@Pipeline",
            "final class Silent {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static String upper(String s) { return s; }",
            "}"),
        "[Sluice/NoOutput] pipeline Silent has no @Output, so it would never compute anything;"
            + " add a method such as @Output(from = \"upper\") Sink<T> print() that writes the"
            + " records of a stage",
        7);
  }

  @Test
  void batchIntervalWithASpace() {
    assertError(
        pipeline(
            "Slow",
            "@Pipeline(batchInterval = \"2 s\")",
            "final class Slow {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/BatchInterval] @Pipeline(batchInterval = \"2 s\") on Slow is not a valid"
            + " interval; write a positive whole number followed by ms, s, m or h, such as \"2s\""
            + " or \"500ms\"",
        6,
        27);
  }

  @Test
  void batchIntervalOfZero() {
    assertError(
        pipeline(
            "Zero",
            "@Pipeline(batchInterval = \"0ms\")",
            "final class Zero {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/BatchInterval] @Pipeline(batchInterval = \"0ms\") on Zero is not a valid"
            + " interval; write a positive whole number followed by ms, s, m or h, such as \"2s\""
            + " or \"500ms\"",
        6,
        27);
  }

  @Test
  void twoOperatorsOnOneMethod() {
    assertError(
        pipeline(
            "Both",
            "@Pipeline",
            "final class Both {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") @Filter(from = \"lines\")",
            "  static boolean full(String s) { return !s.isEmpty(); }", // 10
            "  @Output(from = \"full\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/SeveralOperators] method full has several operator annotations (@Map, @Filter);"
            + " a stage method has exactly one, so split it into one method per operator",
        9,
        24);
  }

  @Test
  void negativePartitions() {
    assertError(
        pipeline(
            "Parts",
            "@Pipeline",
            "final class Parts {",
            "  @Input static Source<KV<String, Long>> pairs() { return null; }",
            "  @ReduceByKey(from = \"pairs\", partitions = -1)",
            "  static long counts(long a, long b) { return a + b; }", // 10
            "  @Output(from = \"counts\") static Sink<Object> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/Partitions] @ReduceByKey(partitions = -1) on counts is negative; use 0 for the"
            + " pipeline's parallelism, or a positive number of partitions",
        9,
        45);
  }

  @Test
  void operatorOutsideAPipelineClass() {
    assertError(
        pipeline(
            "Helper",
            "final class Helper {",
            "  @Map(from = \"lines\") static String upper(String s) { return s; }",
            "}"),
        "[Sluice/NotInPipeline] Helper is not annotated @Pipeline, but its method upper (@Map) has"
            + " an operator annotation; annotate Helper with @Pipeline, or move the method into a"
            + " @Pipeline class",
        6);
  }

  @Test
  void operatorsOutsideAPipelineClassAreOneErrorOnTheClass() {
    assertError(
        pipeline(
            "Helper",
            "final class Helper {",
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Map(from = \"lines\") static String upper(String s) { return s; }",
            "  @Filter(from = \"upper\") static boolean loud(String s) { return true; }",
            "  @Map(from = \"loud\") static String again(String s) { return s; }",
            "  @Output(from = \"again\") static Sink<String> print() { return Sinks.print(); }",
            "}"),
        "[Sluice/NotInPipeline] Helper is not annotated @Pipeline, but its methods lines (@Input),"
            + " upper (@Map), loud (@Filter), again (@Map), print (@Output) have operator"
            + " annotations; annotate Helper with @Pipeline, or move the methods into a @Pipeline"
            + " class",
        6);
  }

  @Test
  void aClassWithTheGeneratedNameBlocksGeneration() {
    JavaFileObject file =
        pipeline(
            "Taken",
            "@Pipeline",
            "final class Taken {", // 7
            "  @Input static Source<String> lines() { return Sources.demo(); }",
            "  @Output(from = \"lines\") static Sink<Object> print() { return Sinks.print(); }",
            "}",
            "final class TakenPipeline {}");
    Compilation compilation =
        Compiler.javac().withProcessors(new RecordingProcessor()).compile(file);
    String message =
        "[Sluice/GeneratedNameTaken] cannot generate p.TakenPipeline for pipeline Taken: a type of"
            + " that name already exists in this compilation; rename it or the pipeline class";
    assertOnlyError(compilation, message);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(7);
  }

  // ---- no follow-on errors

  @Test
  void codeUsingTheGeneratedClassSeesOnlyThePipelineError() {
    JavaFileObject pipeline = wordCount("@Map(from = \"lnes\")");
    JavaFileObject user =
        source(
            "p.Main",
            "package p;",
            "final class Main {",
            "  public static void main(String[] args) {",
            "    WordCountPipeline.builder().build().start();",
            "  }",
            "}");
    Compilation compilation = compileWithoutOutput(pipeline, user);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Sluice/UnknownFrom]").inFile(pipeline).onLine(11);
  }
}
