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
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.Shuffle;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code Program} nested class: the {@code PipelineProgram} subclass holding the shuffle
 * buffers, dispatching each task to its segment's method.
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

  ProgramWriter(ExecutionPlan plan) {
    this.plan = plan;
    this.graph = plan.graph();
    this.names = new ProgramNames(plan);
    this.calls = new UserCalls(graph.pipelineClass(), names.instance());
    this.segments = new SegmentWriter(plan, names, calls);
    this.shuffles = new ShuffleWriter(names, calls);
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
    if (plan.operatorsNeedInstance()) {
      program.addField(
          FieldSpec.builder(
                  graph.pipelineClass(), names.instance(), Modifier.PRIVATE, Modifier.FINAL)
              .build());
    }
    for (Shuffle shuffle : plan.shuffles()) {
      program.addField(shuffles.field(shuffle));
    }
    program.addMethod(constructor());
    program.addMethod(runTask());
    for (Segment segment : plan.segments()) {
      program.addMethod(segments.method(segment));
    }
    for (Shuffle shuffle : plan.shuffles()) {
      program.addMethods(shuffles.methods(shuffle));
    }
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

    List<CodeBlock> segmentSlots = new ArrayList<>();
    for (Segment segment : plan.segments()) {
      segmentSlots.add(
          CodeBlock.of(
              "new $T($S, $L)",
              RuntimeTypes.SEGMENT_SLOT,
              segment.name(),
              tasks(segment, parallelism)));
    }
    List<CodeBlock> outputs = new ArrayList<>();
    for (int i = 0; i < graph.outputs().size(); i++) {
      Stage output = graph.outputs().get(i);
      outputs.add(
          CodeBlock.of(
              "new $T($S, $N, $L)",
              RuntimeTypes.OUTPUT_SLOT,
              output.name(),
              sinks.get(i),
              tasks(segmentCollecting(output), parallelism)));
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
    for (Shuffle shuffle : plan.shuffles()) {
      code.add(
          shuffles.initializer(
              shuffle,
              tasks(plan.segments().get(shuffle.writer()), parallelism),
              tasks(plan.segments().get(shuffle.reader()), parallelism)));
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

  /** How many tasks {@code segment} runs: its fixed partition count, or the parallelism. */
  private static CodeBlock tasks(Segment segment, String parallelism) {
    return segment.partitions() > 0
        ? CodeBlock.of("$L", segment.partitions())
        : CodeBlock.of("$N", parallelism);
  }
}
