package dev.sluice.processor.validate;

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
  UNENCODABLE(
      "Unencodable",
      "A stateful stage (`@UpdateStateByKey`, `@MapWithState`, a window) keeps keys, states,"
          + " window values or windowed records of a type that Sluice cannot write into a"
          + " checkpoint: not a primitive, `String`, enum or record, nor a `List`, `Optional` or"
          + " `Map` of those, and no `@StateCodec` method supplies its codec; or it is a private"
          + " enum or record, which generated code cannot name. The message names the type and"
          + " where it sits.",
      "Declare a `@StateCodec` method returning a `Codec` of that type in the pipeline class, or"
          + " use a type Sluice encodes: a `List` for a `Set` or an array, a record for a class;"
          + " make a private enum or record package-private."),
  CODEC_METHOD(
      "CodecMethod",
      "A `@StateCodec` method is not `static Codec<T> name()` (static, not private, without"
          + " parameters, returning a `Codec` of one concrete type), or a second one supplies a"
          + " codec for the same type.",
      "Declare `static Codec<T> name()` in the pipeline class, one per type."),
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
  ABSTRACT_STAGE(
      "AbstractStage",
      "A stage method other than an `@Input` is abstract (or an interface method without a"
          + " body), so there is no code to call. Only an input may be abstract: an input with no"
          + " default source, bound on the builder or the command line.",
      "Give the method a body, or make the pipeline read it as an `@Input`."),
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
