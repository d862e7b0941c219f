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

    /** The message {@code template}, formatted with {@code args}, after this tag and a space. */
    String format(String template, Object... args) {
      return this + " " + String.format(template, args);
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
    return Tag.UNKNOWN_FROM.format(
        "%s on %s names no stage of pipeline %s; stages are: %s%s",
        annotation,
        stage,
        pipeline,
        String.join(", ", stages),
        suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)");
  }

  /** An empty {@code from}; {@code example} is a stage it could read. */
  public static String missingFrom(StageKind kind, String stage, String example) {
    return Tag.MISSING_FROM.format(
        "%s(from = {}) on %s names no stage to read; name the stage it reads, as in %s(from"
            + " = \"%s\")",
        kind.annotation(),
        stage,
        kind.annotation(),
        example);
  }

  /** A union of stages of different types; {@code producers} are their path steps. */
  public static String unionTypes(String annotation, String stage, List<String> producers) {
    return Tag.UNION_TYPES.format(
        "%s on %s reads stages of different types: %s; a union reads stages of one type, so"
            + " read stages that produce the same type, or map them to one type first",
        annotation,
        stage,
        String.join(", ", producers));
  }

  /** A join or cogroup whose sides' key types differ. */
  public static String joinKeys(String annotation, String stage, String left, String right) {
    return Tag.JOIN_KEYS.format(
        "%s on %s joins keys of different types: %s, %s; both sides must be KV records with"
            + " the same key type",
        annotation,
        stage,
        left,
        right);
  }

  /** A {@code from} naming an output. */
  public static String readsOutput(String annotation, String stage, String output) {
    return Tag.READS_OUTPUT.format(
        "%s on %s reads %s, an @Output, which produces no records; read the stage %s"
            + " writes, or another stage that produces records",
        annotation,
        stage,
        output,
        output);
  }

  /** Stages reading each other; {@code cycle} starts and ends with the same stage. */
  public static String cycle(String pipeline, List<String> cycle) {
    return Tag.CYCLE.format(
        "stages of pipeline %s read each other in a cycle: %s; records must flow from an"
            + " @Input to an @Output, so change the from of one of these stages",
        pipeline,
        String.join(" -> ", cycle));
  }

  // ---- types along the wiring

  /** The first step of a type path: the stage that produces the type. */
  public static String producedBy(String stage, StageKind kind, String type) {
    return String.format("%s (%s) produces %s", stage, kind.annotation(), type);
  }

  /** A {@code @Filter} on a type path, which passes its input type on. */
  public static String keptBy(String stage, String type) {
    return String.format("%s (%s) keeps %s", stage, StageKind.FILTER.annotation(), type);
  }

  /** The last step of a type path: the consuming stage, what it reads and what it accepts. */
  public static String readBy(String stage, StageKind kind, String from, String accepts) {
    return readBy(stage, kind, "from", from, accepts);
  }

  /** {@link #readBy(String, StageKind, String, String)} through member {@code member}. */
  public static String readBy(
      String stage, StageKind kind, String member, String from, String accepts) {
    return String.format(
        "%s (%s, %s = \"%s\")%s",
        stage,
        kind.annotation(),
        member,
        from,
        accepts.isEmpty() ? "" : " " + accepts);
  }

  /** What a method parameter accepts, as the last step of a path: {@code takes Integer}. */
  public static String takes(String type) {
    return String.format("takes %s", type);
  }

  /** What an output's sink accepts, as the last step of a path: {@code writes Sink<Integer>}. */
  public static String writes(String sinkType) {
    return String.format("writes %s", sinkType);
  }

  /** A record parameter that cannot take what the stage reads; {@code path} shows the flow. */
  public static String parameterMismatch(
      String stage, String parameter, String produced, String path) {
    return Tag.TYPE_MISMATCH.format(
        "%s takes %s but reads %s: %s; declare the parameter as %s (or a supertype of it),"
            + " or read a stage that produces %s",
        stage,
        parameter,
        produced,
        path,
        produced,
        parameter);
  }

  /** A sink that cannot write what the output reads; {@code path} shows the flow. */
  public static String sinkMismatch(String stage, String sink, String produced, String path) {
    return Tag.TYPE_MISMATCH.format(
        "%s writes %s but reads %s: %s; return a Sink<%s> (or a Sink of a supertype), or"
            + " read a stage whose records %s can write",
        stage,
        sink,
        produced,
        path,
        produced,
        sink);
  }

  /** A keyed operator reading records that are not a concrete {@code KV<K, V>}. */
  public static String keyedInput(String annotation, String stage, String produced, String path) {
    return Tag.KEYED_INPUT.format(
        "%s on %s reads %s, not a KV<K, V> with concrete K and V: %s; read a stage that"
            + " produces KV records, such as a @Map that returns KV.of(key, value)",
        annotation,
        stage,
        produced,
        path);
  }

  /** A reduce function whose value type differs from the {@code V} it reads. */
  public static String reduceFunctionMismatch(
      StageKind kind, String stage, String function, String kv, String path, List<String> forms) {
    return Tag.REDUCE_FUNCTION.format(
        "%s method %s combines %s values but reads %s: %s; declare it as %s",
        kind.annotation(),
        stage,
        function,
        kv,
        path,
        String.join(" or ", forms));
  }

  /**
   * A keyed or per-batch operator's method whose parameters cannot take what it reads; {@code
   * expected} is the signature that would.
   */
  public static String operatorMismatch(
      StageKind kind, String stage, String actual, String read, String path, String expected) {
    return Tag.TYPE_MISMATCH.format(
        "%s method %s takes (%s) but reads %s: %s; declare it as %s",
        kind.annotation(),
        stage,
        actual,
        read,
        path,
        expected);
  }

  /** A combine function name that names no method. */
  public static String combineMissing(String stage, String member, String method, String form) {
    return Tag.COMBINE_FUNCTIONS.format(
        "@CombineByKey(%s = \"%s\") on %s names no method of the pipeline class; add %s or"
            + " name an existing method",
        member,
        method,
        stage,
        form);
  }

  /** Combine functions whose types do not line up; {@code forms} are the right signatures. */
  public static String combineMismatch(
      String stage, String actual, String kv, String path, String forms) {
    return Tag.COMBINE_FUNCTIONS.format(
        "the functions of @CombineByKey method %s do not line up over %s: %s (%s); declare"
            + " them as %s, with one combiner type C",
        stage,
        kv,
        actual,
        path,
        forms);
  }

  /** A parameter of a type the operator fixes; {@code form} is the operator's signature. */
  public static String parameterType(
      StageKind kind, String stage, int position, String actual, String required, String form) {
    return Tag.PARAMETER_TYPE.format(
        "parameter %s of %s method %s is %s; it must be %s: %s",
        position,
        kind.annotation(),
        stage,
        actual,
        required,
        form);
  }

  /** A reduce function form for messages: {@code long counts(long a, long b)}. */
  public static String reduceForm(String stage, String type) {
    return String.format("%s %s(%s a, %s b)", type, stage, type, type);
  }

  // ---- windows

  /** A window or slide that does not parse as a duration. */
  public static String windowSyntax(String annotation, String member, String value, String stage) {
    return Tag.WINDOW_DURATION.format(
        "%s(%s = \"%s\") on %s is not a valid duration; write a positive whole number"
            + " followed by ms, s, m or h, such as \"30s\"",
        annotation,
        member,
        value,
        stage);
  }

  /** A window or slide that is not a multiple of the batch interval. */
  public static String windowMultiple(
      String annotation, String member, String value, String stage, String interval) {
    return Tag.WINDOW_DURATION.format(
        "%s(%s = \"%s\") on %s is not a multiple of the batch interval \"%s\"; windows and"
            + " slides are whole numbers of batches, so use a multiple of \"%s\"",
        annotation,
        member,
        value,
        stage,
        interval,
        interval);
  }

  /** A window or slide that is not a multiple of the slide of the windowed stream read. */
  public static String parentSlide(
      String annotation, String member, String value, String stage, String parent, String slide) {
    return Tag.PARENT_SLIDE.format(
        "%s(%s = \"%s\") on %s is not a multiple of the slide \"%s\" of %s, which it reads;"
            + " Spark requires a window's duration and slide to be multiples of the slide"
            + " duration of the parent DStream, so use a multiple of \"%s\"",
        annotation,
        member,
        value,
        stage,
        slide,
        parent,
        slide);
  }

  /** A union or join of streams with different slides. */
  public static String differentSlides(
      String annotation, String stage, String first, String firstSlide, String other,
      String otherSlide) {
    return Tag.DIFFERENT_SLIDES.format(
        "%s on %s reads %s, sliding every %s, and %s, sliding every %s; Spark rejects this"
            + " (\"Some of the DStreams have different slide durations\"), so window them alike",
        annotation,
        stage,
        first,
        firstSlide,
        other,
        otherSlide);
  }

  /** An {@code inverse} or {@code filter} naming no method. */
  public static String windowFunctionMissing(
      String annotation, String member, String method, String stage, String form) {
    return String.format(
        "%s %s(%s = \"%s\") on %s names no method of the pipeline class; add %s or name an"
            + " existing method",
        member.equals("inverse") ? Tag.INVERSE_FUNCTION : Tag.FILTER_FUNCTION,
        annotation,
        member,
        method,
        stage,
        form);
  }

  /** An inverse whose type is not the reduce function's. */
  public static String inverseMismatch(String stage, String actual, String function, String form) {
    return Tag.INVERSE_FUNCTION.format(
        "inverse function %s of %s does not undo %s values; declare it as %s",
        actual,
        stage,
        function,
        form);
  }

  /** A filter whose signature does not fit the window. */
  public static String filterMismatch(String stage, String actual, String form) {
    return Tag.FILTER_FUNCTION.format(
        "filter function %s of %s does not fit its window; declare it as %s",
        actual,
        stage,
        form);
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
    return several
        ? tag(helper).format(
            "%s(%s = \"%s\") on %s names %s methods that fit: %s; keep only one of them, or name"
                + " the one you mean differently",
            annotation,
            helper.member(),
            method,
            stage,
            considered.size(),
            String.join(", ", considered))
        : tag(helper).format(
            "%s(%s = \"%s\") on %s names %s methods, none of which fits: %s; declare %s",
            annotation,
            helper.member(),
            method,
            stage,
            considered.size(),
            String.join(", ", considered),
            form);
  }

  /** A helper method that is private, so generated code cannot call it. */
  public static String privateHelper(
      String annotation,
      Helper helper,
      String method,
      String stage,
      String signature,
      String generated) {
    return Tag.PRIVATE_METHOD.format(
        "%s(%s = \"%s\") on %s names %s, which is private, but the generated %s calls it;"
            + " make it package-private or public",
        annotation,
        helper.member(),
        method,
        stage,
        signature,
        generated);
  }

  /** A filter without an inverse. */
  public static String filterWithoutInverse(String stage, String filter) {
    return Tag.FILTER_FUNCTION.format(
        "@ReduceByKeyAndWindow(filter = \"%s\") on %s has no inverse; a filter applies only"
            + " to an incremental window, so name an inverse function too",
        filter,
        stage);
  }

  /** A stateful method whose state types do not line up. */
  public static String stateType(StageKind kind, String stage, String actual) {
    String template =
        kind == StageKind.MAP_WITH_STATE
            ? "%s method %s is %s; it must take the state it keeps, a State of one concrete type"
                + " S: %s"
            : "%s method %s is %s; it must take and return the state it keeps, an Optional of"
                + " one concrete type S: %s";
    return Tag.STATE_TYPE.format(template, kind.annotation(), stage, actual, form(kind, stage));
  }

  /** A {@code @MapWithState} timeout that does not parse as a duration. */
  public static String timeoutSyntax(String stage, String value) {
    return Tag.STATE_TIMEOUT.format(
        "@MapWithState(timeout = \"%s\") on %s is not a valid duration; write a positive"
            + " whole number followed by ms, s, m or h, such as \"10m\", or leave it empty for no"
            + " timeout",
        value,
        stage);
  }

  /** A {@code @MapWithState} full-scan interval below one batch. */
  public static String fullScanBatches(String stage, int value) {
    return Tag.STATE_TIMEOUT.format(
        "@MapWithState(fullScanBatches = %s) on %s is less than 1; idle keys are looked for"
            + " every fullScanBatches batches (Spark's checkpoint interval of the state stream,"
            + " 10 by default)",
        value,
        stage);
  }

  /** A {@code @StateSnapshots} stage that does not read one {@code @MapWithState} stage. */
  public static String snapshotSource(String annotation, String stage, List<String> producers) {
    return Tag.SNAPSHOT_SOURCE.format(
        "%s on %s reads %s; it must read exactly one @MapWithState stage, whose states it"
            + " emits every batch",
        annotation,
        stage,
        String.join(" and ", producers));
  }

  // ---- signatures

  /** The operator's expected parameters and signature, for {@link #arity} and others. */
  private static String expected(StageKind kind, String stage) {
    return String.format("%s: %s", kind.takes(), kind.form(stage));
  }

  /** The signature an operator's method has, in letters: {@code R groups(K key, List<V> v)}. */
  public static String form(StageKind kind, String stage) {
    return kind.form(stage);
  }

  /**
   * A join method's form for its kind, with the given type names: {@code R name(K key, V left,
   * Optional<W> right)} for a left outer join.
   */
  public static String joinForm(
      String stage, JoinKind kind, String key, String left, String right) {
    return String.format(
        "R %s(%s key, %s left, %s right)",
        stage,
        key,
        kind.leftOptional() ? "Optional<" + left + ">" : left,
        kind.rightOptional() ? "Optional<" + right + ">" : right);
  }

  /** A stage method with the wrong number of parameters. */
  public static String arity(StageKind kind, String stage, int count) {
    String parameters =
        switch (count) {
          case 0 -> "no parameters";
          case 1 -> "1 parameter";
          default -> count + " parameters";
        };
    return Tag.ARITY.format(
        "%s method %s takes %s; %s %s method %s",
        kind.annotation(),
        stage,
        parameters,
        article(kind),
        kind.annotation(),
        expected(kind, stage));
  }

  /**
   * An {@code @Output} method taking {@code count} parameters, as a {@code foreachRDD} function
   * would; {@code records} is the record type they suggest, or {@code T}.
   */
  public static String outputArity(String stage, int count, String records) {
    return String.format(
        "%s; to run code on each batch's records, as with Spark's foreachRDD, return a sink"
            + " that does it: Sink<%s> %s() { return Sinks.foreachBatch((time, records) -> ...);"
            + " }",
        arity(StageKind.OUTPUT, stage, count),
        records,
        stage);
  }

  /** A stage method with the wrong return type. */
  public static String returnType(StageKind kind, String stage, String actual) {
    String rule = kind.returns() + ": " + form(kind, stage);
    return Tag.RETURN_TYPE.format(
        "%s method %s returns %s; %s %s method %s",
        kind.annotation(),
        stage,
        actual,
        article(kind),
        kind.annotation(),
        rule);
  }

  /** An {@code @Input} method not returning a typed {@code Source}. */
  public static String sourceType(String stage, String actual) {
    return Tag.SOURCE_TYPE.format(
        "@Input method %s returns %s; an @Input method returns the default Source of its"
            + " records, with their type, such as Source<String> %s()",
        stage,
        actual,
        stage);
  }

  /** An {@code @Output} method not returning a typed {@code Sink}. */
  public static String sinkType(String stage, String actual) {
    return Tag.SINK_TYPE.format(
        "@Output method %s returns %s; an @Output method returns the default Sink of its"
            + " records, with their type, such as Sink<String> %s()",
        stage,
        actual,
        stage);
  }

  /** A flat-mapping method whose last parameter is not a typed {@code Emitter}. */
  public static String emitterParameter(StageKind kind, String stage, String actual) {
    return Tag.EMITTER_PARAMETER.format(
        "the second parameter of %s method %s is %s; it must be the Emitter of the records"
            + " it emits, with their type: %s",
        kind.annotation(),
        stage,
        actual,
        form(kind, stage));
  }

  /** A reduce function whose parameter and return types are not all the same. */
  public static String reduceFunctionShape(StageKind kind, String stage, String signature) {
    return Tag.REDUCE_FUNCTION.format(
        "%s method %s is %s; a reduce function takes two values of one type and returns"
            + " that type: %s",
        kind.annotation(),
        stage,
        signature,
        form(kind, stage));
  }

  /** A negative {@code partitions}, or a {@code @Repartition(partitions)} below 1. */
  public static String partitions(StageKind kind, String stage, int partitions) {
    return kind == StageKind.REPARTITION
        ? Tag.PARTITIONS.format(
            "%s(partitions = %s) on %s is less than 1; repartition into a positive number of"
                + " partitions",
            kind.annotation(),
            partitions,
            stage)
        : Tag.PARTITIONS.format(
            "%s(partitions = %s) on %s is negative; use 0 for the pipeline's parallelism, or a"
                + " positive number of partitions",
            kind.annotation(),
            partitions,
            stage);
  }

  // ---- methods and the class

  /** A method with several operator annotations. */
  public static String severalOperators(String method, List<StageKind> kinds) {
    return Tag.SEVERAL_OPERATORS.format(
        "method %s has several operator annotations (%s); a stage method has exactly one,"
            + " so split it into one method per operator",
        method,
        String.join(", ", kinds.stream().map(StageKind::annotation).toList()));
  }

  /** A stage method with type parameters. */
  public static String typeParameters(StageKind kind, String stage, String parameters) {
    return Tag.TYPE_PARAMETERS.format(
        "%s method %s declares type parameters %s; stage methods cannot be generic, so use"
            + " concrete types",
        kind.annotation(),
        stage,
        parameters);
  }

  /** A pipeline class with type parameters. */
  public static String genericPipeline(String pipelineClass, String parameters) {
    return Tag.TYPE_PARAMETERS.format(
        "pipeline class %s declares type parameters %s; a pipeline class cannot be generic,"
            + " so use concrete types",
        pipelineClass,
        parameters);
  }

  /** A private stage method. */
  public static String privateMethod(StageKind kind, String stage, String generated) {
    return Tag.PRIVATE_METHOD.format(
        "%s method %s is private, but the generated %s calls it; make it package-private or"
            + " public",
        kind.annotation(),
        stage,
        generated);
  }

  /** A private pipeline class, or one nested in {@code privateClass}. */
  public static String inaccessibleClass(
      String pipelineClass, String privateClass, String generated) {
    String problem =
        pipelineClass.equals(privateClass)
            ? "is private"
            : "is nested in private class " + privateClass;
    return Tag.INACCESSIBLE_CLASS.format(
        "pipeline class %s %s, but the generated %s calls its methods from the same"
            + " package; make %s package-private or public",
        pipelineClass,
        problem,
        generated,
        privateClass);
  }

  /** Instance stage methods in a class without a usable no-argument constructor. */
  public static String noConstructor(String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE.format(
        "%s has instance stage methods (%s) but no no-argument constructor the generated %s"
            + " can call; add a non-private %s() or make those methods static",
        pipelineClass,
        String.join(", ", methods),
        generated,
        simple(pipelineClass));
  }

  /** Instance stage methods in an abstract class or an interface. */
  public static String abstractPipeline(
      String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE.format(
        "%s is abstract, so the generated %s cannot create the instance its instance stage"
            + " methods (%s) run on; make the class concrete or those methods static",
        pipelineClass,
        generated,
        String.join(", ", methods));
  }

  /** Instance stage methods in an inner (non-static nested) class. */
  public static String innerPipeline(String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE.format(
        "%s is an inner class, so the generated %s cannot create the instance its instance"
            + " stage methods (%s) run on; make the class static or those methods static",
        pipelineClass,
        generated,
        String.join(", ", methods));
  }

  /** Two stage methods with one name. */
  public static String duplicateStage(
      StageKind kind, String signature, String stage, StageKind firstKind, String firstSignature) {
    return Tag.DUPLICATE_STAGE.format(
        "%s method %s declares stage %s again; %s method %s declared it first, and stage"
            + " names (the method names) must be unique, so rename one of them",
        kind.annotation(),
        signature,
        stage,
        firstKind.annotation(),
        firstSignature);
  }

  /** A pipeline without outputs; {@code example} is a stage an output could write. */
  public static String noOutput(String pipeline, String example) {
    return Tag.NO_OUTPUT.format(
        "pipeline %s has no @Output, so it would never compute anything; add a method such"
            + " as @Output(from = \"%s\") Sink<T> print() that writes the records of a stage",
        pipeline,
        example);
  }

  /** An invalid {@code @Pipeline(batchInterval)}. */
  public static String batchInterval(String interval, String pipeline) {
    return Tag.BATCH_INTERVAL.format(
        "@Pipeline(batchInterval = \"%s\") on %s is not a valid interval; write a positive"
            + " whole number followed by ms, s, m or h, such as \"2s\" or \"500ms\"",
        interval,
        pipeline);
  }

  /** An operator annotation outside a pipeline class. */
  public static String notInPipeline(StageKind kind, String method, String enclosing) {
    return Tag.NOT_IN_PIPELINE.format(
        "%s method %s is in %s, which is not annotated @Pipeline; move the method into a"
            + " @Pipeline class or annotate %s with @Pipeline",
        kind.annotation(),
        method,
        enclosing,
        enclosing);
  }

  /** The warning for a stage that no output reads. */
  public static String deadStage(StageKind kind, String stage) {
    return Tag.DEAD_STAGE.format(
        "%s stage %s is not read by any @Output, so it is never computed (stages are lazy,"
            + " as in Spark); write it with an @Output or remove it",
        kind.annotation(),
        stage);
  }

  /** A class to generate already exists. */
  public static String generatedNameTaken(String generated, String pipeline) {
    return Tag.GENERATED_NAME_TAKEN.format(
        "cannot generate %s for pipeline %s: a type of that name already exists in this"
            + " compilation; rename it or the pipeline class",
        generated,
        pipeline);
  }

  /** The processor failed; {@code trace} is the stack trace. */
  public static String internalError(String pipeline, String trace) {
    return Tag.INTERNAL_ERROR.format(
        "Sluice's processor failed on %s; please report this with the stack trace: %s",
        pipeline,
        trace);
  }

  private static String article(StageKind kind) {
    return kind == StageKind.INPUT || kind == StageKind.OUTPUT ? "an" : "a";
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
