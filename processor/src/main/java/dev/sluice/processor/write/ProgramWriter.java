package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Materialized;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.Shuffle;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code Program} nested class: the {@code PipelineProgram} subclass holding the shuffle
 * buffers, dispatching each task to its segment's method, and listing its stores with their codecs
 * for snapshots.
 */
final class ProgramWriter {

  /** The simple name of the nested class. */
  static final String NAME = "Program";

  private final ExecutionPlan plan;
  private final PipelineGraph graph;
  private final ProgramNames names;
  private final UserCalls calls;
  private final SegmentWriter segments;
  private final ShuffleWriter shuffles;
  private final WindowWriter windows;

  ProgramWriter(ExecutionPlan plan) {
    this.plan = plan;
    this.graph = plan.graph();
    this.names = new ProgramNames(plan);
    this.calls = new UserCalls(graph.pipelineClass(), names.instance());
    this.segments = new SegmentWriter(plan, names, calls);
    this.shuffles = new ShuffleWriter(names, calls);
    this.windows = new WindowWriter(names, calls);
  }

  /** The type of an input's source parameter: {@code Source<T>}. */
  static TypeName sourceType(Stage input) {
    return ParameterizedTypeName.get(RuntimeTypes.SOURCE, input.outputType().box());
  }

  /** The type of an output's sink parameter: {@code Sink<? super T>}. */
  static TypeName sinkType(Stage output) {
    return ParameterizedTypeName.get(
        RuntimeTypes.SINK, WildcardTypeName.supertypeOf(output.inputType().box()));
  }

  TypeSpec write() {
    TypeSpec.Builder program =
        TypeSpec.classBuilder(NAME)
            .addJavadoc(
                "Runs the segments of pipeline {@code $L} and owns the shuffle buffers between"
                    + " them.\n\n"
                    + "<p><b>Threads:</b> the engine's workers call {@link #runTask}, concurrently"
                    + " for the\npartitions of one segment. Task {@code (segment, p)} writes"
                    + " only row {@code p} of the\nshuffles its segment combines into, column"
                    + " {@code p} of the shuffle it reads, and\npartition {@code p} of its"
                    + " outputs. <b>Visibility:</b> the engine's queues order every\ntask of a"
                    + " segment before the next segment, and batches one after another.\n"
                    + "<b>Allocation:</b> the buffers are allocated here once and reused every"
                    + " batch; per record,\nonly user methods allocate, and a reduce boxes its"
                    + " output {@code KV}.\n",
                graph.name())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .superclass(RuntimeTypes.PIPELINE_PROGRAM);
    // stageStates() names the codec fields, which come first, as static fields
    CodecWriter codecs = new CodecWriter(graph.pipelineClass(), List.of(NAME, "Builder"));
    SnapshotWriter snapshots = new SnapshotWriter(plan, names, codecs);
    MethodSpec stageStates = snapshots.stageStates();
    program.addFields(codecs.fields());
    if (plan.operatorsNeedInstance()) {
      program.addField(
          FieldSpec.builder(
                  graph.pipelineClass(), names.instance(), Modifier.PRIVATE, Modifier.FINAL)
              .build());
    }
    if (plan.needsParallelism()) {
      program.addField(
          FieldSpec.builder(int.class, names.parallelism(), Modifier.PRIVATE, Modifier.FINAL)
              .build());
    }
    for (Shuffle shuffle : plan.shuffles()) {
      program.addField(shuffles.field(shuffle));
    }
    for (Stage windowed : plan.windowed()) {
      program.addFields(windows.fields(windowed));
    }
    for (Stage stateful : plan.stateful()) {
      program.addField(
          FieldSpec.builder(
                  RuntimeTypes.listOf(StateWriter.storeType(stateful)),
                  names.state(stateful),
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .build());
    }
    for (Materialized kept : plan.materialized()) {
      program.addField(
          FieldSpec.builder(
                  RuntimeTypes.exchangeOf(kept.stage().outputType()),
                  names.partitions(kept.stage()),
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .build());
    }
    program.addMethod(constructor());
    program.addMethod(runTask());
    for (Segment segment : plan.segments()) {
      if (segment.head().kind() == StageKind.UNION) {
        program.addMethod(unionPart(segment.head()));
      } else if (segment.head().kind() == StageKind.TRANSFORM
          || segment.head().kind() == StageKind.WINDOW) {
        program.addMethod(transformBatch(segment.head()));
      }
      program.addMethod(segments.method(segment));
    }
    for (Shuffle shuffle : plan.shuffles()) {
      program.addMethods(shuffles.methods(shuffle));
    }
    for (Stage windowed : plan.windowed()) {
      program.addMethods(windows.methods(windowed));
    }
    for (Stage stateful : plan.stateful()) {
      if (stateful.kind() == StageKind.UPDATE_STATE_BY_KEY) {
        program.addMethod(new StateWriter(names, calls).update(stateful));
      }
    }
    program.addMethod(stageStates);
    program.addTypes(codecs.classes());
    return program.build();
  }

  /**
   * The constructor: {@code (pipeline instance if needed, sources..., sinks..., parallelism)}, the
   * order {@link BuilderWriter} calls it in.
   */
  private MethodSpec constructor() {
    NameAllocator parameters = new NameAllocator();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    String instance = null;
    if (plan.operatorsNeedInstance()) {
      instance = parameters.newName(names.instance(), "instance");
      constructor.addParameter(graph.pipelineClass(), instance);
    }
    List<CodeBlock> inputs = new ArrayList<>();
    for (Stage input : graph.inputs()) {
      String name = parameters.newName(input.name(), input);
      constructor.addParameter(sourceType(input), name);
      inputs.add(CodeBlock.of("new $T($S, $N)", RuntimeTypes.INPUT_SLOT, input.name(), name));
    }
    List<String> sinks = new ArrayList<>();
    for (Stage output : graph.outputs()) {
      String name = parameters.newName(output.name(), output);
      constructor.addParameter(sinkType(output), name);
      sinks.add(name);
    }
    String parallelism = parameters.newName("parallelism", "parallelism");
    constructor.addParameter(int.class, parallelism);
    for (Stage windowed : plan.windowed()) {
      constructor.addParameter(
          RuntimeTypes.WINDOW_SPEC,
          parameters.newName(windowed.name() + "Spec", "spec:" + windowed.name()));
    }

    List<CodeBlock> segmentSlots = new ArrayList<>();
    for (Segment segment : plan.segments()) {
      segmentSlots.add(
          CodeBlock.of(
              "new $T($S,$W$L)",
              RuntimeTypes.SEGMENT_SLOT,
              segment.name(),
              tasks(segment, parallelism)));
    }
    List<CodeBlock> outputs = new ArrayList<>();
    for (int i = 0; i < graph.outputs().size(); i++) {
      Stage output = graph.outputs().get(i);
      CodeBlock slide =
          plan.slideOf(output.name())
              .map(
                  windowed ->
                      CodeBlock.of(", $N.slide()", parameters.get("spec:" + windowed.name())))
              .orElse(CodeBlock.of(""));
      outputs.add(
          CodeBlock.of(
              "new $T($S, $N, $L$L)",
              RuntimeTypes.OUTPUT_SLOT,
              output.name(),
              sinks.get(i),
              tasks(segmentCollecting(output), parallelism),
              slide));
    }
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("super(\n$>$>$S,\n", graph.name())
            .add(Lists.of(inputs))
            .add(",\n")
            .add(Lists.of(segmentSlots))
            .add(",\n")
            .add(Lists.of(outputs))
            .add(");\n$<$<");
    if (instance != null) {
      code.addStatement("this.$N = $N", names.instance(), instance);
    }
    if (plan.needsParallelism()) {
      code.addStatement("this.$N = $N", names.parallelism(), parallelism);
    }
    for (Shuffle shuffle : plan.shuffles()) {
      code.add(
          shuffles.initializer(
              shuffle,
              tasks(plan.segments().get(shuffle.writer()), parallelism),
              tasks(plan.segments().get(shuffle.reader()), parallelism),
              shuffle.rightWriter() < 0
                  ? null
                  : tasks(plan.segments().get(shuffle.rightWriter()), parallelism)));
    }
    for (Stage windowed : plan.windowed()) {
      Segment segment = plan.segmentComputing(windowed.name()).orElseThrow();
      code.add(
          windows.initializer(
              windowed, parameters.get("spec:" + windowed.name()), tasks(segment, parallelism)));
    }
    for (Stage stateful : plan.stateful()) {
      Segment segment = plan.segmentComputing(stateful.name()).orElseThrow();
      code.add(new StateWriter(names, calls).initializer(stateful, tasks(segment, parallelism)));
    }
    for (Materialized kept : plan.materialized()) {
      code.addStatement(
          "this.$N = new $T<>($L, 1)",
          names.partitions(kept.stage()),
          RuntimeTypes.RECORD_EXCHANGE,
          tasks(plan.segments().get(kept.writer()), parallelism));
    }
    return constructor.addCode(code.build()).build();
  }

  private MethodSpec runTask() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("runTask")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(int.class, "segment")
            .addParameter(int.class, "partition")
            .addParameter(RuntimeTypes.TASK_CONTEXT, "context")
            .beginControlFlow("switch (segment)");
    for (Segment segment : plan.segments()) {
      method.addStatement(
          "case $L -> $L", segment.index(), segments.invocation(segment, "partition", "context"));
    }
    return method
        .addStatement(
            "default -> throw new $T(name() + $S + segment)",
            IllegalArgumentException.class,
            " has no segment ")
        .endControlFlow()
        .build();
  }

  /** The segment whose loop collects {@code output}. */
  private Segment segmentCollecting(Stage output) {
    return plan.segments().stream()
        .filter(
            segment -> segment.allSteps().stream().anyMatch(step -> step.stage().equals(output)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no segment collects " + output.name()));
  }

  /**
   * How many tasks {@code segment} runs: its fixed partition count plus a multiple of the
   * parallelism, such as {@code parallelism}, {@code 4} or {@code 2 * parallelism + 1}.
   */
  private static CodeBlock tasks(Segment segment, String parallelism) {
    return tasks(segment.partitions(), segment.perParallelism(), parallelism);
  }

  private static CodeBlock tasks(int fixed, int perParallelism, String parallelism) {
    CodeBlock scaled =
        perParallelism == 1
            ? CodeBlock.of("$N", parallelism)
            : CodeBlock.of("$L * $N", perParallelism, parallelism);
    if (perParallelism == 0) {
      return CodeBlock.of("$L", fixed);
    }
    return fixed == 0 ? scaled : CodeBlock.of("$L + $L", scaled, fixed);
  }

  /** The partitions of {@code source}'s records as tasks: an input's, or its segment's. */
  private CodeBlock sourceTasks(String source, String parallelism) {
    return plan.segmentComputing(source)
        .filter(segment -> plan.graph().stage(source).kind() != StageKind.INPUT)
        .map(segment -> tasks(segment, parallelism))
        .orElse(CodeBlock.of("$N", parallelism));
  }

  /**
   * The method giving union task {@code partition} its records: the partitions of the first stage
   * the union reads, then those of the next, as Spark's union orders them.
   */
  private MethodSpec unionPart(Stage union) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.helper(union))
            .addJavadoc(
                "The records of task {@code partition} of {@code $L}: the partitions of $L, in"
                    + " turn.\n",
                union.name(),
                String.join(", then ", union.from()))
            .addModifiers(Modifier.PRIVATE)
            .returns(RuntimeTypes.listOf(union.outputType()))
            .addParameter(int.class, "partition")
            .addParameter(RuntimeTypes.TASK_CONTEXT, "context")
            .addStatement("int part = partition");
    List<String> from = union.from();
    for (int i = 0; i < from.size(); i++) {
      CodeBlock list = segments.partitionOf(from.get(i), "part", "context");
      if (i == from.size() - 1) {
        method.addStatement("return $L", list);
      } else {
        CodeBlock tasks = sourceTasks(from.get(i), names.parallelism());
        method
            .beginControlFlow("if (part < $L)", tasks)
            .addStatement("return $L", list)
            .endControlFlow()
            .addStatement("part -= $L", tasks);
      }
    }
    return method.build();
  }

  /** The method collecting the whole batch a transform reads, partition by partition. */
  private MethodSpec transformBatch(Stage transform) {
    String source = transform.from().get(0);
    return MethodSpec.methodBuilder(names.helper(transform))
        .addJavadoc(
            "Every record of {@code $L} in this batch, partition by partition, in a new list.\n",
            source)
        .addModifiers(Modifier.PRIVATE)
        .returns(RuntimeTypes.listOf(transform.inputType()))
        .addParameter(RuntimeTypes.TASK_CONTEXT, "context")
        .addStatement(
            "$T batch = new $T<>()",
            RuntimeTypes.listOf(transform.inputType()),
            RuntimeTypes.ARRAY_LIST)
        .beginControlFlow(
            "for (int part = 0, parts = $L; part < parts; part++)",
            sourceTasks(source, names.parallelism()))
        .addStatement("batch.addAll($L)", segments.partitionOf(source, "part", "context"))
        .endControlFlow()
        .addStatement("return batch")
        .build();
  }
}
