package dev.sluice.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.processor.model.StageKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generates {@code docs/compiler-errors.md} from the message classes: every {@link Tag}, its rule,
 * an example declaration with the message it gets (produced by the message methods themselves) and
 * the fix. The committed page must equal the generated one; run with {@code
 * -Dsluice.updateGoldens=true} to rewrite it after changing a message.
 */
class CompilerErrorsDocTest {

  private static final Path PAGE = Path.of("../docs/compiler-errors.md");

  /** An example: the offending declaration and the message it gets. */
  private record Example(String code, String message) {}

  private static Map<Tag, Example> examples() {
    Map<Tag, Example> examples = new EnumMap<>(Tag.class);
    List<String> stages = List.of("lines", "words", "pairs", "counts", "print");
    examples.put(
        Tag.UNKNOWN_FROM,
        new Example(
            "@Map(from = \"lnes\")\nstatic KV<String, Long> pairs(String word) { ... }",
            WiringMessages.unknownFrom(
                "@Map(from = \"lnes\")", "pairs", "WordCount", stages, "lines")));
    examples.put(
        Tag.MISSING_FROM,
        new Example(
            "@Map(from = {})\nstatic KV<String, Long> pairs(String word) { ... }",
            WiringMessages.missingFrom(StageKind.MAP, "pairs", "words")));
    examples.put(
        Tag.UNION_TYPES,
        new Example(
            "@Input static Source<String> lines() { ... }\n"
                + "@Map(from = \"lines\") static int lengths(String line) { ... }\n"
                + "@Filter(from = {\"lines\", \"lengths\"}) static boolean all(Object o) { ... }",
            WiringMessages.unionTypes(
                "@Filter(from = {\"lines\", \"lengths\"})",
                "all",
                List.of(
                    TypeMessages.producedBy("lines", StageKind.INPUT, "String"),
                    TypeMessages.producedBy("lengths", StageKind.MAP, "int")))));
    examples.put(
        Tag.READS_OUTPUT,
        new Example(
            "@Map(from = \"print\")\nstatic String again(String line) { ... }",
            WiringMessages.readsOutput("@Map(from = \"print\")", "again", "print")));
    examples.put(
        Tag.CYCLE,
        new Example(
            "@Map(from = \"c\") static String a(String s) { ... }\n"
                + "@Map(from = \"a\") static String b(String s) { ... }\n"
                + "@Map(from = \"b\") static String c(String s) { ... }",
            WiringMessages.cycle("Loop", List.of("a", "b", "c", "a"))));
    examples.put(
        Tag.TYPE_MISMATCH,
        new Example(
            "@Input static Source<String> lines() { ... }\n"
                + "@Filter(from = \"lines\") static boolean full(String s) { ... }\n"
                + "@Map(from = \"full\") static int lengths(Integer count) { ... }",
            TypeMessages.parameterMismatch(
                "lengths",
                "Integer",
                "String",
                String.join(
                    " -> ",
                    TypeMessages.producedBy("lines", StageKind.INPUT, "String"),
                    TypeMessages.keptBy("full", "String"),
                    TypeMessages.readBy(
                        "lengths", StageKind.MAP, "full", TypeMessages.takes("Integer"))))));
    examples.put(
        Tag.KEYED_INPUT,
        new Example(
            "@ReduceByKey(from = \"lines\")\nstatic long counts(long a, long b) { ... }",
            TypeMessages.keyedInput(
                "@ReduceByKey(from = \"lines\")",
                "counts",
                "String",
                TypeMessages.producedBy("lines", StageKind.INPUT, "String")
                    + " -> "
                    + TypeMessages.readBy("counts", StageKind.REDUCE_BY_KEY, "lines", ""))));
    examples.put(
        Tag.REDUCE_FUNCTION,
        new Example(
            "@Map(from = \"words\") static KV<String, Long> pairs(String word) { ... }\n"
                + "@ReduceByKey(from = \"pairs\") static int counts(int a, int b) { ... }",
            TypeMessages.reduceFunctionMismatch(
                StageKind.REDUCE_BY_KEY,
                "counts",
                "int",
                "KV<String, Long>",
                TypeMessages.producedBy("pairs", StageKind.MAP, "KV<String, Long>")
                    + " -> "
                    + TypeMessages.readBy("counts", StageKind.REDUCE_BY_KEY, "pairs", ""),
                List.of(
                    TypeMessages.reduceForm("counts", "long"),
                    TypeMessages.reduceForm("counts", "Long")))));
    examples.put(
        Tag.JOIN_KEYS,
        new Example(
            "@Map(from = \"clicks\") static KV<String, Long> byAd(Click c) { ... }\n"
                + "@Map(from = \"views\") static KV<Integer, Long> bySlot(View v) { ... }\n"
                + "@Join(left = \"byAd\", right = \"bySlot\")\n"
                + "static String joined(String key, Long click, Long view) { ... }",
            WiringMessages.joinKeys(
                "@Join(left = \"byAd\", right = \"bySlot\")",
                "joined",
                TypeMessages.producedBy("byAd", StageKind.MAP, "KV<String, Long>"),
                TypeMessages.producedBy("bySlot", StageKind.MAP, "KV<Integer, Long>"))));
    examples.put(
        Tag.COMBINE_FUNCTIONS,
        new Example(
            "@CombineByKey(from = \"pairs\", createCombiner = \"first\", mergeValue = \"add\")\n"
                + "static long sums(long a, long b) { ... }\n"
                + "static int first(Long value) { ... }\n"
                + "static long add(long sum, Long value) { ... }",
            HelperMessages.combineMismatch(
                "sums",
                "int first(Long) with long sums(long, long)",
                "KV<String, Long>",
                TypeMessages.producedBy("pairs", StageKind.MAP, "KV<String, Long>")
                    + " -> "
                    + TypeMessages.readBy("sums", StageKind.COMBINE_BY_KEY, "pairs", ""),
                "C first(Long value), C add(C combiner, Long value) and C sums(C a, C b)")));
    examples.put(
        Tag.PARAMETER_TYPE,
        new Example(
            "@Count(from = \"lines\")\nstatic long total(int count) { ... }",
            SignatureMessages.parameterType(
                StageKind.COUNT,
                "total",
                1,
                "int",
                "long",
                SignatureMessages.form(StageKind.COUNT, "total"))));
    examples.put(
        Tag.WINDOW_DURATION,
        new Example(
            "@Pipeline(batchInterval = \"10s\")\n...\n"
                + "@ReduceByKeyAndWindow(from = \"pairs\", window = \"25s\")\n"
                + "static long windowCounts(long a, long b) { ... }",
            WindowMessages.windowMultiple(
                "@ReduceByKeyAndWindow", "window", "25s", "windowCounts", "10s")));
    examples.put(
        Tag.INVERSE_FUNCTION,
        new Example(
            "@ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", inverse = \"minus\")\n"
                + "static long windowCounts(long a, long b) { ... }\n"
                + "static int minus(int a, int b) { ... }",
            HelperMessages.inverseMismatch(
                "windowCounts", "int minus(int, int)", "long", "long minus(long a, long b)")));
    examples.put(
        Tag.FILTER_FUNCTION,
        new Example(
            "@ReduceByKeyAndWindow(from = \"pairs\", window = \"30s\", filter = \"positive\")\n"
                + "static long windowCounts(long a, long b) { ... }",
            HelperMessages.filterWithoutInverse("windowCounts", "positive")));
    examples.put(
        Tag.STATE_TYPE,
        new Example(
            "@UpdateStateByKey(from = \"pairs\")\n"
                + "static Optional<String> running(List<Long> values, Optional<Long> state) { ... }",
            StateMessages.stateType(
                StageKind.UPDATE_STATE_BY_KEY,
                "running",
                "Optional<String> running(List<Long>, Optional<Long>)")));
    examples.put(
        Tag.STATE_TIMEOUT,
        new Example(
            "@MapWithState(from = \"events\", timeout = \"10 minutes\")\n"
                + "static String track(String user, Optional<Event> event, State<Session> state)"
                + " { ... }",
            StateMessages.timeoutSyntax("track", "10 minutes")));
    examples.put(
        Tag.SNAPSHOT_SOURCE,
        new Example(
            "@StateSnapshots(from = \"events\")\n"
                + "static String sessions(String user, Session session) { ... }",
            StateMessages.snapshotSource(
                "@StateSnapshots(from = \"events\")",
                "sessions",
                List.of(TypeMessages.producedBy("events", StageKind.MAP, "KV<String, Event>")))));
    examples.put(
        Tag.UNENCODABLE,
        new Example(
            "record Session(long start, Set<String> pages) {}\n\n"
                + "@MapWithState(from = \"events\")\n"
                + "static String track(String user, Optional<Event> event, State<Session> state)"
                + " { ... }",
            StateMessages.unencodable(
                StageKind.MAP_WITH_STATE,
                "track",
                "state",
                "Session",
                "field 'pages' of record Session",
                "Set<String>",
                "use a List")));
    examples.put(
        Tag.CODEC_METHOD,
        new Example(
            "@StateCodec\nCodec<Set<String>> pageSets() { ... }",
            StateMessages.codecNotStatic("pageSets")));
    examples.put(
        Tag.PARENT_SLIDE,
        new Example(
            "@Window(from = \"lines\", window = \"40s\", slide = \"20s\")\n"
                + "static String recent(String line) { ... }\n"
                + "@Window(from = \"recent\", window = \"50s\", slide = \"20s\")\n"
                + "static String older(String line) { ... }",
            WindowMessages.parentSlide("@Window", "window", "50s", "older", "recent", "20s")));
    examples.put(
        Tag.DIFFERENT_SLIDES,
        new Example(
            "@Window(from = \"lines\", window = \"30s\", slide = \"20s\")\n"
                + "static String recent(String line) { ... }\n"
                + "@Filter(from = {\"recent\", \"lines\"})\n"
                + "static boolean all(String line) { ... }",
            WindowMessages.differentSlides(
                "@Filter(from = {\"recent\", \"lines\"})",
                "all",
                "recent",
                "20s",
                "lines",
                "10s")));
    examples.put(
        Tag.ARITY,
        new Example(
            "@Map(from = \"lines\")\nstatic String pairs(String a, String b) { ... }",
            SignatureMessages.arity(StageKind.MAP, "pairs", 2)));
    examples.put(
        Tag.RETURN_TYPE,
        new Example(
            "@Filter(from = \"lines\")\nstatic String full(String s) { ... }",
            SignatureMessages.returnType(StageKind.FILTER, "full", "String")));
    examples.put(
        Tag.SOURCE_TYPE,
        new Example(
            "@Input\nstatic Source lines() { ... }",
            SignatureMessages.sourceType("lines", "Source")));
    examples.put(
        Tag.SINK_TYPE,
        new Example(
            "@Output(from = \"lines\")\nstatic Sink<?> print() { ... }",
            SignatureMessages.sinkType("print", "Sink<?>")));
    examples.put(
        Tag.EMITTER_PARAMETER,
        new Example(
            "@FlatMap(from = \"lines\")\nstatic void words(String line, List<String> out) { ... }",
            SignatureMessages.emitterParameter(StageKind.FLAT_MAP, "words", "List<String>")));
    examples.put(
        Tag.PRIVATE_METHOD,
        new Example(
            "@Map(from = \"lines\")\nprivate static String upper(String s) { ... }",
            ClassMessages.privateMethod(StageKind.MAP, "upper", "HiddenPipeline")));
    examples.put(
        Tag.INACCESSIBLE_CLASS,
        new Example(
            "final class Outer {\n  @Pipeline\n  private static final class Inner { ... }\n}",
            ClassMessages.inaccessibleClass("Outer.Inner", "Outer.Inner", "Outer_InnerPipeline")));
    examples.put(
        Tag.NO_INSTANCE,
        new Example(
            "@Pipeline\nfinal class Configured {\n  Configured(String host) { ... }\n"
                + "  @Input Source<String> lines() { ... }\n"
                + "  @Output(from = \"lines\") Sink<Object> print() { ... }\n}",
            ClassMessages.noConstructor(
                "Configured", List.of("lines", "print"), "ConfiguredPipeline")));
    examples.put(
        Tag.ABSTRACT_STAGE,
        new Example(
            "@Map(from = \"lines\")\nabstract String upper(String line);",
            ClassMessages.abstractStage(StageKind.MAP, "upper")));
    examples.put(
        Tag.TYPE_PARAMETERS,
        new Example(
            "@Map(from = \"lines\")\nstatic <T> T same(T t) { ... }",
            ClassMessages.typeParameters(StageKind.MAP, "same", "<T>")));
    examples.put(
        Tag.DUPLICATE_STAGE,
        new Example(
            "@Map(from = \"lines\") static String upper(String s) { ... }\n"
                + "@Map(from = \"lines\") static String upper(CharSequence s) { ... }",
            ClassMessages.duplicateStage(
                StageKind.MAP, "upper(CharSequence)", "upper", StageKind.MAP, "upper(String)")));
    examples.put(
        Tag.NO_OUTPUT,
        new Example(
            "@Pipeline\nfinal class Silent {\n  @Input static Source<String> lines() { ... }\n"
                + "  @Map(from = \"lines\") static String upper(String s) { ... }\n}",
            ClassMessages.noOutput("Silent", "upper")));
    examples.put(
        Tag.BATCH_INTERVAL,
        new Example(
            "@Pipeline(batchInterval = \"2 s\")\nfinal class Slow { ... }",
            ClassMessages.batchInterval("2 s", "Slow")));
    examples.put(
        Tag.SEVERAL_OPERATORS,
        new Example(
            "@Map(from = \"lines\") @Filter(from = \"lines\")\n"
                + "static boolean full(String s) { ... }",
            ClassMessages.severalOperators("full", List.of(StageKind.MAP, StageKind.FILTER))));
    examples.put(
        Tag.PARTITIONS,
        new Example(
            "@ReduceByKey(from = \"pairs\", partitions = -1)\n"
                + "static long counts(long a, long b) { ... }",
            SignatureMessages.partitions(StageKind.REDUCE_BY_KEY, "counts", -1)));
    examples.put(
        Tag.NOT_IN_PIPELINE,
        new Example(
            "final class Helper {\n"
                + "  @Map(from = \"lines\") static String upper(String s) { ... }\n"
                + "  @Filter(from = \"upper\") static boolean loud(String s) { ... }\n"
                + "}",
            ClassMessages.notInPipeline("Helper", List.of("upper (@Map)", "loud (@Filter)"))));
    examples.put(
        Tag.DEAD_STAGE,
        new Example(
            "@Map(from = \"lines\") static int lengths(String line) { ... }"
                + "  // no @Output reads lengths",
            ClassMessages.deadStage(StageKind.MAP, "lengths")));
    examples.put(
        Tag.GENERATED_NAME_TAKEN,
        new Example(
            "@Pipeline\nfinal class WordCount { ... }\n\nfinal class WordCountPipeline { ... }",
            ClassMessages.generatedNameTaken("p.WordCountPipeline", "WordCount")));
    examples.put(
        Tag.INTERNAL_ERROR,
        new Example(
            "(any pipeline class)",
            ClassMessages.internalError(
                "WordCount", "java.lang.IllegalStateException: ...\n\tat ...")));
    return examples;
  }

  @Test
  void everyTagHasAnExampleThatStartsWithIt() {
    Map<Tag, Example> examples = examples();
    assertEquals(Arrays.asList(Tag.values()), List.copyOf(examples.keySet()));
    examples.forEach(
        (tag, example) ->
            assertEquals(tag.toString(), example.message().substring(0, tag.toString().length())));
  }

  @Test
  void pageMatchesErrorMessages() throws IOException {
    String page = page();
    if (Boolean.getBoolean("sluice.updateGoldens")) {
      Files.createDirectories(PAGE.getParent());
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(PAGE) || !Files.readString(PAGE, StandardCharsets.UTF_8).equals(page)) {
      fail(
          PAGE
              + " is out of date with the messages; run the processor's tests with"
              + " -Dsluice.updateGoldens=true and review the diff");
    }
  }

  private static String page() {
    StringBuilder page =
        new StringBuilder()
            .append("# Compiler errors\n\n")
            .append("Sluice's annotation processor checks every `@Pipeline` class when it is")
            .append(" compiled. Each\nmessage starts with a stable tag, names the rule that was")
            .append(" broken and what would be\nright, and points at the most specific place:")
            .append(" the `from` value, the parameter, the\nmethod, or the class for errors that")
            .append(" span the whole pipeline. Nothing is generated for a\npipeline with errors,")
            .append(" so these are the only messages you see.\n\n")
            .append(
                "This page is generated from the `*Messages` classes by `CompilerErrorsDocTest`")
            .append(" (processor module);\nafter changing a message, run `mvn -pl processor test")
            .append(" -Dsluice.updateGoldens=true`.\n\n")
            .append("| Tag | Rule |\n|---|---|\n");
    Map<Tag, Example> examples = examples();
    for (Tag tag : Tag.values()) {
      page.append("| [`")
          .append(tag)
          .append("`](#")
          .append(tag.id().toLowerCase())
          .append(") | ")
          .append(tag.rule())
          .append(" |\n");
    }
    for (Tag tag : Tag.values()) {
      Example example = examples.get(tag);
      page.append("\n## ")
          .append(tag.id())
          .append("\n\n")
          .append(tag.rule())
          .append("\n\n")
          .append("```java\n")
          .append(example.code())
          .append("\n```\n\n")
          .append("```\n")
          .append(example.message())
          .append("\n```\n\n")
          .append("**Fix:** ")
          .append(tag.fix())
          .append('\n');
    }
    return page.toString();
  }
}
