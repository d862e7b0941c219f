package dev.sluice.processor.validate;

import dev.sluice.processor.model.Helper;
import dev.sluice.processor.model.JoinKind;
import dev.sluice.processor.model.StageKind;
import java.util.List;

/**
 * Every message the processor prints, each starting with a stable tag such as {@code
 * [Sluice/UnknownFrom]}. The texts say what rule was broken, then what would be right. Tests assert
 * these exact texts, and {@code docs/compiler-errors.md} is checked against {@link Tag}, so the
 * three cannot drift apart.
 */
public final class ErrorMessages {

  private ErrorMessages() {}

  /** The stable tags, with the rule each one enforces and how to fix it, for the docs. */
  public enum Tag {
    UNKNOWN_FROM(
        "UnknownFrom",
        "A `from` names a stage the pipeline does not have.",
        "Name one of the listed stages; the message suggests the closest name."),
    MISSING_FROM(
        "MissingFrom",
        "A `from` names no stage at all (`from = {}`).",
        "Name the stage the operator reads."),
    UNION_TYPES(
        "UnionTypes",
        "A stage reads several stages (their union) that produce different record types.",
        "Read stages that produce one type, or map them to one type first."),
    READS_OUTPUT(
        "ReadsOutput",
        "A `from` names an `@Output`, which produces no records.",
        "Read the stage the output writes, or another stage that produces records."),
    CYCLE(
        "Cycle",
        "Stages read each other in a cycle, so records could never start flowing.",
        "Change the `from` of one stage in the cycle so that every stage leads back to an"
            + " `@Input`."),
    TYPE_MISMATCH(
        "TypeMismatch",
        "A stage reads records of a type its method cannot take (or its sink cannot write).",
        "Declare the parameter (or the `Sink`) with the produced type or a supertype, or read a"
            + " stage that produces the type the method takes."),
    KEYED_INPUT(
        "KeyedInput",
        "A keyed operator (`@ReduceByKey`, `@GroupByKey`, `@CombineByKey`, `@MapValues`,"
            + " `@FlatMapValues`, `@Join`, `@Cogroup`) reads records that are not `KV<K, V>` with"
            + " concrete `K` and `V`.",
        "Read a stage that produces `KV` records, such as a `@Map` returning"
            + " `KV.of(key, value)`."),
    REDUCE_FUNCTION(
        "ReduceFunction",
        "A `@ReduceByKey` or `@Reduce` method is not a function `V f(V a, V b)` over the values it"
            + " reads.",
        "Take two values of the value type `V` (or its primitive) and return the same type."),
    JOIN_KEYS(
        "JoinKeys",
        "A `@Join` or `@Cogroup` reads two streams whose key types differ.",
        "Make both sides `KV` records with the same key type."),
    COMBINE_FUNCTIONS(
        "CombineFunctions",
        "The three functions of a `@CombineByKey` do not line up: a named method is missing, or"
            + " their combiner and value types differ.",
        "Declare `C create(V value)`, `C mergeValue(C combiner, V value)` and"
            + " `C mergeCombiners(C a, C b)` with one combiner type `C`."),
    PARAMETER_TYPE(
        "ParameterType",
        "A parameter whose type the operator fixes has another type: the `long` count of"
            + " `@Count` and `@CountByValue`, a `List` of records, an `Optional` outer-join side,"
            + " the `long` batch time of `@Transform`.",
        "Declare the parameter with the type the message shows."),
    WINDOW_DURATION(
        "WindowDuration",
        "A window or slide is not a valid duration, or not a multiple of the batch interval fixed in"
            + " `@Pipeline(batchInterval)` (as Spark requires of `window`). When the interval is"
            + " set at run time instead, `build()` fails with the same rule.",
        "Write a positive whole number followed by `ms`, `s`, `m` or `h` that is a multiple of the"
            + " batch interval, such as `\"30s\"` for 10 s batches."),
    PARENT_SLIDE(
        "ParentSlide",
        "A window over a stream that slides every few batches (a windowed stream, or one derived"
            + " from it) has a window or slide that is not a multiple of that stream's slide, as"
            + " Spark's `WindowedDStream` requires; an empty slide means every batch.",
        "Use multiples of the slide of the stream it reads, and write the slide (Spark's default"
            + " there is the parent's slide)."),
    DIFFERENT_SLIDES(
        "DifferentSlides",
        "A union or join reads streams that slide differently, which Spark rejects (`UnionDStream`"
            + " and `TransformedDStream`: \"Some of the DStreams have different slide"
            + " durations\").",
        "Window the streams alike before a union or join."),
    INVERSE_FUNCTION(
        "InverseFunction",
        "The `inverse` of a windowed reduce names no method, or one whose type differs from the"
            + " reduce function's: `V inverse(V a, V b)`, undoing `b`.",
        "Declare the inverse over the same value type as the reduce function."),
    FILTER_FUNCTION(
        "FilterFunction",
        "The `filter` of `@ReduceByKeyAndWindow` names no method, is not `boolean filter(K key, V"
            + " value)` over the window's keys and values, or is given without an `inverse`.",
        "Declare `boolean filter(K key, V value)` and name an `inverse` too (Spark filters only"
            + " incremental windows)."),
    STATE_TYPE(
        "StateType",
        "A stateful operator's method does not name the state type it keeps: `@UpdateStateByKey`"
            + " takes an `Optional<S>` state and returns an `Optional<S>` of the same `S`;"
            + " `@MapWithState` takes a `State<S>` of one concrete `S`.",
        "Declare `Optional<S> update(List<V> newValues, Optional<S> state)` or"
            + " `R map(K key, Optional<V> value, State<S> state)` with one concrete state type"
            + " `S`."),
    STATE_TIMEOUT(
        "StateTimeout",
        "The `timeout` of `@MapWithState` is not a valid duration, or its `fullScanBatches` is"
            + " less than 1.",
        "Write a timeout such as `\"10m\"` (a positive whole number followed by `ms`, `s`, `m` or"
            + " `h`), or leave it empty for none; full scans happen every 1 or more batches."),
    SNAPSHOT_SOURCE(
        "SnapshotSource",
        "A `@StateSnapshots` stage does not read exactly one `@MapWithState` stage, whose states"
            + " it emits.",
        "Name one `@MapWithState` stage in `from`."),
    ARITY(
        "Arity",
        "A stage method has the wrong number of parameters for its operator.",
        "Declare the parameters the operator passes, as the message shows."),
    RETURN_TYPE(
        "ReturnType",
        "A stage method returns the wrong type for its operator.",
        "`@Filter` returns `boolean`; `@FlatMap`, `@FlatMapValues` and `@MapPartitions` return"
            + " `void`; `@Transform` returns a `List` of its records; the others return the record"
            + " they produce."),
    SOURCE_TYPE(
        "SourceType",
        "An `@Input` method does not return a `Source` of a named record type.",
        "Return the default source, typed with its records: `Source<String> lines()`."),
    SINK_TYPE(
        "SinkType",
        "An `@Output` method does not return a `Sink` of a named record type.",
        "Return the default sink, typed with its records: `Sink<KV<String, Long>> print()`."),
    EMITTER_PARAMETER(
        "EmitterParameter",
        "The last parameter of a `@FlatMap`, `@FlatMapValues` or `@MapPartitions` method is not an"
            + " `Emitter` of a named type.",
        "Declare it as `Emitter<R>`, where `R` is the type of the records it emits."),
    PRIVATE_METHOD(
        "PrivateMethod",
        "A stage method, or a method an annotation names (inverse, filter, createCombiner,"
            + " mergeValue), is private, so the generated code cannot call it.",
        "Make it package-private or public."),
    INACCESSIBLE_CLASS(
        "InaccessibleClass",
        "The pipeline class is private, or nested in a private class, so the generated code in"
            + " its package cannot call its methods.",
        "Make the private class package-private or public."),
    NO_INSTANCE(
        "NoInstance",
        "The pipeline has instance stage methods, but the generated code cannot create the one"
            + " instance they run on: the class is abstract, an inner class, or lacks a"
            + " non-private no-argument constructor.",
        "Make the stage methods static, or make the class concrete, static and constructible"
            + " with no arguments."),
    TYPE_PARAMETERS(
        "TypeParameters",
        "A stage method or the pipeline class declares type parameters, which are not"
            + " supported.",
        "Use concrete types."),
    DUPLICATE_STAGE(
        "DuplicateStage",
        "Two stage methods have the same name (overloads), but stage names must be unique.",
        "Rename one of the methods."),
    NO_OUTPUT(
        "NoOutput",
        "The pipeline has no `@Output`; as in Spark, nothing runs without an output operation.",
        "Add an `@Output` method that writes the records of a stage."),
    BATCH_INTERVAL(
        "BatchInterval",
        "`@Pipeline(batchInterval)` is not a positive whole number followed by `ms`, `s`, `m`"
            + " or `h`.",
        "Write an interval such as `\"2s\"` or `\"500ms\"`."),
    SEVERAL_OPERATORS(
        "SeveralOperators",
        "A method carries more than one operator annotation.",
        "Split it into one method per operator."),
    PARTITIONS(
        "Partitions",
        "The `partitions` of a shuffle is negative, or `@Repartition(partitions)` is less than 1.",
        "Use 0 for the pipeline's parallelism (not for `@Repartition`), or a positive number."),
    NOT_IN_PIPELINE(
        "NotInPipeline",
        "An operator annotation is on a method of a class without `@Pipeline`.",
        "Move the method into the pipeline class, or annotate its class with `@Pipeline`."),
    DEAD_STAGE(
        "DeadStage",
        "(Warning.) A stage no `@Output` reads, directly or through other stages: it is never"
            + " computed.",
        "Write it with an `@Output`, or remove it."),
    GENERATED_NAME_TAKEN(
        "GeneratedNameTaken",
        "A class the processor would generate for the pipeline, such as `WordCountPipeline`,"
            + " already exists in the compilation.",
        "Rename that class, or the pipeline class."),
    INTERNAL_ERROR(
        "InternalError",
        "The processor itself failed: a bug in Sluice, reported on the pipeline class instead"
            + " of crashing the compiler.",
        "Report it with the stack trace the message contains.");

    private final String id;
    private final String rule;
    private final String fix;

    Tag(String id, String rule, String fix) {
      this.id = id;
      this.rule = rule;
      this.fix = fix;
    }

    /** The tag as messages start: {@code [Sluice/UnknownFrom]}. */
    @Override
    public String toString() {
      return "[Sluice/" + id + "]";
    }

    /** The tag's name, such as {@code UnknownFrom}. */
    public String id() {
      return id;
    }

    /** The rule, for the docs (Markdown). */
    public String rule() {
      return rule;
    }

    /** The fix, for the docs (Markdown). */
    public String fix() {
      return fix;
    }
  }

  // ---- wiring

  /** A {@code from} naming no stage; {@code suggestion} is the closest name or {@code null}. */
  public static String unknownFrom(
      String annotation, String stage, String pipeline, List<String> stages, String suggestion) {
    return Tag.UNKNOWN_FROM
        + " "
        + annotation
        + " on "
        + stage
        + " names no stage of pipeline "
        + pipeline
        + "; stages are: "
        + String.join(", ", stages)
        + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)");
  }

  /** An empty {@code from}; {@code example} is a stage it could read. */
  public static String missingFrom(StageKind kind, String stage, String example) {
    return Tag.MISSING_FROM
        + " "
        + kind.annotation()
        + "(from = {}) on "
        + stage
        + " names no stage to read; name the stage it reads, as in "
        + kind.annotation()
        + "(from = \""
        + example
        + "\")";
  }

  /** A union of stages of different types; {@code producers} are their path steps. */
  public static String unionTypes(String annotation, String stage, List<String> producers) {
    return Tag.UNION_TYPES
        + " "
        + annotation
        + " on "
        + stage
        + " reads stages of different types: "
        + String.join(", ", producers)
        + "; a union reads stages of one type, so read stages that produce the same type, or map"
        + " them to one type first";
  }

  /** A join or cogroup whose sides' key types differ. */
  public static String joinKeys(String annotation, String stage, String left, String right) {
    return Tag.JOIN_KEYS
        + " "
        + annotation
        + " on "
        + stage
        + " joins keys of different types: "
        + left
        + ", "
        + right
        + "; both sides must be KV records with the same key type";
  }

  /** A {@code from} naming an output. */
  public static String readsOutput(String annotation, String stage, String output) {
    return Tag.READS_OUTPUT
        + " "
        + annotation
        + " on "
        + stage
        + " reads "
        + output
        + ", an @Output, which produces no records; read the stage "
        + output
        + " writes, or another stage that produces records";
  }

  /** Stages reading each other; {@code cycle} starts and ends with the same stage. */
  public static String cycle(String pipeline, List<String> cycle) {
    return Tag.CYCLE
        + " stages of pipeline "
        + pipeline
        + " read each other in a cycle: "
        + String.join(" -> ", cycle)
        + "; records must flow from an @Input to an @Output, so"
        + " change the from of one of these stages";
  }

  // ---- types along the wiring

  /** The first step of a type path: the stage that produces the type. */
  public static String producedBy(String stage, StageKind kind, String type) {
    return stage + " (" + kind.annotation() + ") produces " + type;
  }

  /** A {@code @Filter} on a type path, which passes its input type on. */
  public static String keptBy(String stage, String type) {
    return stage + " (" + StageKind.FILTER.annotation() + ") keeps " + type;
  }

  /** The last step of a type path: the consuming stage, what it reads and what it accepts. */
  public static String readBy(String stage, StageKind kind, String from, String accepts) {
    return readBy(stage, kind, "from", from, accepts);
  }

  /** {@link #readBy(String, StageKind, String, String)} through member {@code member}. */
  public static String readBy(
      String stage, StageKind kind, String member, String from, String accepts) {
    return stage
        + " ("
        + kind.annotation()
        + ", "
        + member
        + " = \""
        + from
        + "\")"
        + (accepts.isEmpty() ? "" : " " + accepts);
  }

  /** What a method parameter accepts, as the last step of a path: {@code takes Integer}. */
  public static String takes(String type) {
    return "takes " + type;
  }

  /** What an output's sink accepts, as the last step of a path: {@code writes Sink<Integer>}. */
  public static String writes(String sinkType) {
    return "writes " + sinkType;
  }

  /** A record parameter that cannot take what the stage reads; {@code path} shows the flow. */
  public static String parameterMismatch(
      String stage, String parameter, String produced, String path) {
    return Tag.TYPE_MISMATCH
        + " "
        + stage
        + " takes "
        + parameter
        + " but reads "
        + produced
        + ": "
        + path
        + "; declare the parameter as "
        + produced
        + " (or a supertype of it), or read a stage that produces "
        + parameter;
  }

  /** A sink that cannot write what the output reads; {@code path} shows the flow. */
  public static String sinkMismatch(String stage, String sink, String produced, String path) {
    return Tag.TYPE_MISMATCH
        + " "
        + stage
        + " writes "
        + sink
        + " but reads "
        + produced
        + ": "
        + path
        + "; return a Sink<"
        + produced
        + "> (or a Sink of a supertype), or read a stage"
        + " whose records "
        + sink
        + " can write";
  }

  /** A keyed operator reading records that are not a concrete {@code KV<K, V>}. */
  public static String keyedInput(String annotation, String stage, String produced, String path) {
    return Tag.KEYED_INPUT
        + " "
        + annotation
        + " on "
        + stage
        + " reads "
        + produced
        + ", not a KV<K, V> with concrete K and V: "
        + path
        + "; read a stage that produces KV"
        + " records, such as a @Map that returns KV.of(key, value)";
  }

  /** A reduce function whose value type differs from the {@code V} it reads. */
  public static String reduceFunctionMismatch(
      StageKind kind, String stage, String function, String kv, String path, List<String> forms) {
    return Tag.REDUCE_FUNCTION
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " combines "
        + function
        + " values but reads "
        + kv
        + ": "
        + path
        + "; declare it as "
        + String.join(" or ", forms);
  }

  /**
   * A keyed or per-batch operator's method whose parameters cannot take what it reads; {@code
   * expected} is the signature that would.
   */
  public static String operatorMismatch(
      StageKind kind, String stage, String actual, String read, String path, String expected) {
    return Tag.TYPE_MISMATCH
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " takes ("
        + actual
        + ") but reads "
        + read
        + ": "
        + path
        + "; declare it as "
        + expected;
  }

  /** A combine function name that names no method. */
  public static String combineMissing(String stage, String member, String method, String form) {
    return Tag.COMBINE_FUNCTIONS
        + " @CombineByKey("
        + member
        + " = \""
        + method
        + "\") on "
        + stage
        + " names no method of the pipeline class; add "
        + form
        + " or name an existing method";
  }

  /** Combine functions whose types do not line up; {@code forms} are the right signatures. */
  public static String combineMismatch(
      String stage, String actual, String kv, String path, String forms) {
    return Tag.COMBINE_FUNCTIONS
        + " the functions of @CombineByKey method "
        + stage
        + " do not line up over "
        + kv
        + ": "
        + actual
        + " ("
        + path
        + "); declare them as "
        + forms
        + ", with one combiner type C";
  }

  /** A parameter of a type the operator fixes; {@code form} is the operator's signature. */
  public static String parameterType(
      StageKind kind, String stage, int position, String actual, String required, String form) {
    return Tag.PARAMETER_TYPE
        + " parameter "
        + position
        + " of "
        + kind.annotation()
        + " method "
        + stage
        + " is "
        + actual
        + "; it must be "
        + required
        + ": "
        + form;
  }

  /** A reduce function form for messages: {@code long counts(long a, long b)}. */
  public static String reduceForm(String stage, String type) {
    return type + " " + stage + "(" + type + " a, " + type + " b)";
  }

  // ---- windows

  /** A window or slide that does not parse as a duration. */
  public static String windowSyntax(String annotation, String member, String value, String stage) {
    return Tag.WINDOW_DURATION
        + " "
        + annotation
        + "("
        + member
        + " = \""
        + value
        + "\") on "
        + stage
        + " is not a valid duration; write a positive whole number followed by ms, s, m or h,"
        + " such as \"30s\"";
  }

  /** A window or slide that is not a multiple of the batch interval. */
  public static String windowMultiple(
      String annotation, String member, String value, String stage, String interval) {
    return Tag.WINDOW_DURATION
        + " "
        + annotation
        + "("
        + member
        + " = \""
        + value
        + "\") on "
        + stage
        + " is not a multiple of the batch interval \""
        + interval
        + "\"; windows and slides are whole numbers of batches, so use a multiple of \""
        + interval
        + "\"";
  }

  /** A window or slide that is not a multiple of the slide of the windowed stream read. */
  public static String parentSlide(
      String annotation, String member, String value, String stage, String parent, String slide) {
    return Tag.PARENT_SLIDE
        + " "
        + annotation
        + "("
        + member
        + " = \""
        + value
        + "\") on "
        + stage
        + " is not a multiple of the slide \""
        + slide
        + "\" of "
        + parent
        + ", which it reads; Spark requires a window's duration and slide to be multiples of the"
        + " slide duration of the parent DStream, so use a multiple of \""
        + slide
        + "\"";
  }

  /** A union or join of streams with different slides. */
  public static String differentSlides(
      String annotation, String stage, String first, String firstSlide, String other,
      String otherSlide) {
    return Tag.DIFFERENT_SLIDES
        + " "
        + annotation
        + " on "
        + stage
        + " reads "
        + first
        + ", sliding every "
        + firstSlide
        + ", and "
        + other
        + ", sliding every "
        + otherSlide
        + "; Spark rejects this (\"Some of the DStreams have different slide durations\"), so"
        + " window them alike";
  }

  /** An {@code inverse} or {@code filter} naming no method. */
  public static String windowFunctionMissing(
      String annotation, String member, String method, String stage, String form) {
    return (member.equals("inverse") ? Tag.INVERSE_FUNCTION : Tag.FILTER_FUNCTION)
        + " "
        + annotation
        + "("
        + member
        + " = \""
        + method
        + "\") on "
        + stage
        + " names no method of the pipeline class; add "
        + form
        + " or name an existing method";
  }

  /** An inverse whose type is not the reduce function's. */
  public static String inverseMismatch(String stage, String actual, String function, String form) {
    return Tag.INVERSE_FUNCTION
        + " inverse function "
        + actual
        + " of "
        + stage
        + " does not undo "
        + function
        + " values; declare it as "
        + form;
  }

  /** A filter whose signature does not fit the window. */
  public static String filterMismatch(String stage, String actual, String form) {
    return Tag.FILTER_FUNCTION
        + " filter function "
        + actual
        + " of "
        + stage
        + " does not fit its window; declare it as "
        + form;
  }

  /** The tag of the messages about {@code helper}. */
  private static Tag tag(Helper helper) {
    return switch (helper) {
      case INVERSE -> Tag.INVERSE_FUNCTION;
      case FILTER -> Tag.FILTER_FUNCTION;
      case CREATE_COMBINER, MERGE_VALUE -> Tag.COMBINE_FUNCTIONS;
    };
  }

  /**
   * A helper named by several methods of which none fits, or several ({@code several}); {@code
   * considered} are those, as {@code int minus(int, int)}.
   */
  public static String helperOverloads(
      String annotation,
      Helper helper,
      String method,
      String stage,
      String form,
      List<String> considered,
      boolean several) {
    String named =
        annotation + "(" + helper.member() + " = \"" + method + "\") on " + stage + " names ";
    return tag(helper)
        + " "
        + named
        + (several
            ? considered.size() + " methods that fit: " + String.join(", ", considered)
                + "; keep only one of them, or name the one you mean differently"
            : considered.size() + " methods, none of which fits: " + String.join(", ", considered)
                + "; declare " + form);
  }

  /** A helper method that is private, so generated code cannot call it. */
  public static String privateHelper(
      String annotation,
      Helper helper,
      String method,
      String stage,
      String signature,
      String generated) {
    return Tag.PRIVATE_METHOD
        + " "
        + annotation
        + "("
        + helper.member()
        + " = \""
        + method
        + "\") on "
        + stage
        + " names "
        + signature
        + ", which is private, but the generated "
        + generated
        + " calls it; make it package-private or public";
  }

  /** A filter without an inverse. */
  public static String filterWithoutInverse(String stage, String filter) {
    return Tag.FILTER_FUNCTION
        + " @ReduceByKeyAndWindow(filter = \""
        + filter
        + "\") on "
        + stage
        + " has no inverse; a filter applies only to an incremental window, so name an inverse"
        + " function too";
  }

  /** A stateful method whose state types do not line up. */
  public static String stateType(StageKind kind, String stage, String actual) {
    return Tag.STATE_TYPE
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " is "
        + actual
        + (kind == StageKind.MAP_WITH_STATE
            ? "; it must take the state it keeps, a State of one concrete type S: "
            : "; it must take and return the state it keeps, an Optional of one concrete type S: ")
        + form(kind, stage);
  }

  /** A {@code @MapWithState} timeout that does not parse as a duration. */
  public static String timeoutSyntax(String stage, String value) {
    return Tag.STATE_TIMEOUT
        + " @MapWithState(timeout = \""
        + value
        + "\") on "
        + stage
        + " is not a valid duration; write a positive whole number followed by ms, s, m or h,"
        + " such as \"10m\", or leave it empty for no timeout";
  }

  /** A {@code @MapWithState} full-scan interval below one batch. */
  public static String fullScanBatches(String stage, int value) {
    return Tag.STATE_TIMEOUT
        + " @MapWithState(fullScanBatches = "
        + value
        + ") on "
        + stage
        + " is less than 1; idle keys are looked for every fullScanBatches batches (Spark's"
        + " checkpoint interval of the state stream, 10 by default)";
  }

  /** A {@code @StateSnapshots} stage that does not read one {@code @MapWithState} stage. */
  public static String snapshotSource(String annotation, String stage, List<String> producers) {
    return Tag.SNAPSHOT_SOURCE
        + " "
        + annotation
        + " on "
        + stage
        + " reads "
        + String.join(" and ", producers)
        + "; it must read exactly one @MapWithState stage, whose states it emits every batch";
  }

  // ---- signatures

  /** The operator's expected parameters and signature, for {@link #arity} and others. */
  private static String expected(StageKind kind, String stage) {
    return kind.takes() + ": " + kind.form(stage);
  }

  /** The signature an operator's method has, in letters: {@code R groups(K key, List<V> values)}. */
  public static String form(StageKind kind, String stage) {
    return kind.form(stage);
  }

  /**
   * A join method's form for its kind, with the given type names: {@code R name(K key, V left,
   * Optional<W> right)} for a left outer join.
   */
  public static String joinForm(String stage, JoinKind kind, String key, String left, String right) {
    return "R "
        + stage
        + "("
        + key
        + " key, "
        + (kind.leftOptional() ? "Optional<" + left + ">" : left)
        + " left, "
        + (kind.rightOptional() ? "Optional<" + right + ">" : right)
        + " right)";
  }

  /** A stage method with the wrong number of parameters. */
  public static String arity(StageKind kind, String stage, int count) {
    String parameters =
        switch (count) {
          case 0 -> "no parameters";
          case 1 -> "1 parameter";
          default -> count + " parameters";
        };
    return Tag.ARITY
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " takes "
        + parameters
        + "; "
        + article(kind)
        + " "
        + kind.annotation()
        + " method "
        + expected(kind, stage);
  }

  /**
   * An {@code @Output} method taking {@code count} parameters, as a {@code foreachRDD} function
   * would; {@code records} is the record type they suggest, or {@code T}.
   */
  public static String outputArity(String stage, int count, String records) {
    return arity(StageKind.OUTPUT, stage, count)
        + "; to run code on each batch's records, as with Spark's foreachRDD, return a sink that"
        + " does it: Sink<"
        + records
        + "> "
        + stage
        + "() { return Sinks.foreachBatch((time, records) -> ...); }";
  }

  /** A stage method with the wrong return type. */
  public static String returnType(StageKind kind, String stage, String actual) {
    String rule = kind.returns() + ": " + form(kind, stage);
    return Tag.RETURN_TYPE
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " returns "
        + actual
        + "; "
        + article(kind)
        + " "
        + kind.annotation()
        + " method "
        + rule;
  }

  /** An {@code @Input} method not returning a typed {@code Source}. */
  public static String sourceType(String stage, String actual) {
    return Tag.SOURCE_TYPE
        + " @Input method "
        + stage
        + " returns "
        + actual
        + "; an @Input method returns the default Source of its records, with their type, such as"
        + " Source<String> "
        + stage
        + "()";
  }

  /** An {@code @Output} method not returning a typed {@code Sink}. */
  public static String sinkType(String stage, String actual) {
    return Tag.SINK_TYPE
        + " @Output method "
        + stage
        + " returns "
        + actual
        + "; an @Output method returns the default Sink of its records, with their type, such as"
        + " Sink<String> "
        + stage
        + "()";
  }

  /** A flat-mapping method whose last parameter is not a typed {@code Emitter}. */
  public static String emitterParameter(StageKind kind, String stage, String actual) {
    return Tag.EMITTER_PARAMETER
        + " the second parameter of "
        + kind.annotation()
        + " method "
        + stage
        + " is "
        + actual
        + "; it must be the Emitter of the records it emits, with their type: "
        + form(kind, stage);
  }

  /** A reduce function whose parameter and return types are not all the same. */
  public static String reduceFunctionShape(StageKind kind, String stage, String signature) {
    return Tag.REDUCE_FUNCTION
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " is "
        + signature
        + "; a reduce function takes two values of one type and returns that type: "
        + form(kind, stage);
  }

  /** A negative {@code partitions}, or a {@code @Repartition(partitions)} below 1. */
  public static String partitions(StageKind kind, String stage, int partitions) {
    return Tag.PARTITIONS
        + " "
        + kind.annotation()
        + "(partitions = "
        + partitions
        + ") on "
        + stage
        + (kind == StageKind.REPARTITION
            ? " is less than 1; repartition into a positive number of partitions"
            : " is negative; use 0 for the pipeline's parallelism, or a positive number of"
                + " partitions");
  }

  // ---- methods and the class

  /** A method with several operator annotations. */
  public static String severalOperators(String method, List<StageKind> kinds) {
    return Tag.SEVERAL_OPERATORS
        + " method "
        + method
        + " has several operator annotations ("
        + String.join(", ", kinds.stream().map(StageKind::annotation).toList())
        + "); a stage method has exactly one, so split it into one method per operator";
  }

  /** A stage method with type parameters. */
  public static String typeParameters(StageKind kind, String stage, String parameters) {
    return Tag.TYPE_PARAMETERS
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " declares type parameters "
        + parameters
        + "; stage methods cannot be generic, so use"
        + " concrete types";
  }

  /** A pipeline class with type parameters. */
  public static String genericPipeline(String pipelineClass, String parameters) {
    return Tag.TYPE_PARAMETERS
        + " pipeline class "
        + pipelineClass
        + " declares type parameters "
        + parameters
        + "; a pipeline class cannot be generic, so use concrete types";
  }

  /** A private stage method. */
  public static String privateMethod(StageKind kind, String stage, String generated) {
    return Tag.PRIVATE_METHOD
        + " "
        + kind.annotation()
        + " method "
        + stage
        + " is private, but the generated "
        + generated
        + " calls it; make it package-private or"
        + " public";
  }

  /** A private pipeline class, or one nested in {@code privateClass}. */
  public static String inaccessibleClass(
      String pipelineClass, String privateClass, String generated) {
    String problem =
        pipelineClass.equals(privateClass)
            ? "is private"
            : "is nested in private class " + privateClass;
    return Tag.INACCESSIBLE_CLASS
        + " pipeline class "
        + pipelineClass
        + " "
        + problem
        + ", but the generated "
        + generated
        + " calls its methods from the same package; make "
        + privateClass
        + " package-private or public";
  }

  /** Instance stage methods in a class without a usable no-argument constructor. */
  public static String noConstructor(String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE
        + " "
        + pipelineClass
        + " has instance stage methods ("
        + String.join(", ", methods)
        + ") but no no-argument constructor the generated "
        + generated
        + " can call; add a non-private "
        + simple(pipelineClass)
        + "() or make those methods static";
  }

  /** Instance stage methods in an abstract class or an interface. */
  public static String abstractPipeline(
      String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE
        + " "
        + pipelineClass
        + " is abstract, so the generated "
        + generated
        + " cannot create the instance its instance stage methods ("
        + String.join(", ", methods)
        + ") run on; make the class concrete or those methods static";
  }

  /** Instance stage methods in an inner (non-static nested) class. */
  public static String innerPipeline(String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE
        + " "
        + pipelineClass
        + " is an inner class, so the generated "
        + generated
        + " cannot create the instance its instance stage methods ("
        + String.join(", ", methods)
        + ") run on; make the class static or those methods static";
  }

  /** Two stage methods with one name. */
  public static String duplicateStage(
      StageKind kind, String signature, String stage, StageKind firstKind, String firstSignature) {
    return Tag.DUPLICATE_STAGE
        + " "
        + kind.annotation()
        + " method "
        + signature
        + " declares stage "
        + stage
        + " again; "
        + firstKind.annotation()
        + " method "
        + firstSignature
        + " declared it first, and stage names (the method names) must be"
        + " unique, so rename one of them";
  }

  /** A pipeline without outputs; {@code example} is a stage an output could write. */
  public static String noOutput(String pipeline, String example) {
    return Tag.NO_OUTPUT
        + " pipeline "
        + pipeline
        + " has no @Output, so it would never compute"
        + " anything; add a method such as @Output(from = \""
        + example
        + "\") Sink<T> print()"
        + " that writes the records of a stage";
  }

  /** An invalid {@code @Pipeline(batchInterval)}. */
  public static String batchInterval(String interval, String pipeline) {
    return Tag.BATCH_INTERVAL
        + " @Pipeline(batchInterval = \""
        + interval
        + "\") on "
        + pipeline
        + " is not a valid interval; write a positive whole number followed by ms, s, m or h,"
        + " such as \"2s\" or \"500ms\"";
  }

  /** An operator annotation outside a pipeline class. */
  public static String notInPipeline(StageKind kind, String method, String enclosing) {
    return Tag.NOT_IN_PIPELINE
        + " "
        + kind.annotation()
        + " method "
        + method
        + " is in "
        + enclosing
        + ", which is not annotated @Pipeline; move the method into a @Pipeline class"
        + " or annotate "
        + enclosing
        + " with @Pipeline";
  }

  /** The warning for a stage that no output reads. */
  public static String deadStage(StageKind kind, String stage) {
    return Tag.DEAD_STAGE
        + " "
        + kind.annotation()
        + " stage "
        + stage
        + " is not read by any"
        + " @Output, so it is never computed (stages are lazy, as in Spark); write it with an"
        + " @Output or remove it";
  }

  /** A class to generate already exists. */
  public static String generatedNameTaken(String generated, String pipeline) {
    return Tag.GENERATED_NAME_TAKEN
        + " cannot generate "
        + generated
        + " for pipeline "
        + pipeline
        + ": a type of that name already exists in this compilation; rename it or the pipeline"
        + " class";
  }

  /** The processor failed; {@code trace} is the stack trace. */
  public static String internalError(String pipeline, String trace) {
    return Tag.INTERNAL_ERROR
        + " Sluice's processor failed on "
        + pipeline
        + "; please report this with the stack trace: "
        + trace;
  }

  private static String article(StageKind kind) {
    return kind == StageKind.INPUT || kind == StageKind.OUTPUT ? "an" : "a";
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
