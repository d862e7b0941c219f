package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.SegmentInput;
import dev.sluice.processor.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Writes one segment as one method with one indexed loop, and its call in {@code runTask}: the
 * parameters and arguments from the plan's {@linkplain Segment#inputs() inputs}, the head by the
 * writer of its family ({@link BatchSideWriter}, {@link AggregateSideWriter}, {@link
 * GroupSideWriter}, {@link StateSideWriter}) and the steps by the {@link ChainWriter}. Generated
 * code allocates nothing per record beyond what user methods allocate and the {@code KV}s and
 * {@code Optional}s of operator outputs.
 */
final class SegmentWriter {

  private final ClassName pipelineClass;
  private final ProgramNames names;
  private final UserCalls calls;
  private final SegmentSignature signature;

  SegmentWriter(ExecutionPlan plan, ProgramNames names, UserCalls calls) {
    this.pipelineClass = plan.graph().pipelineClass();
    this.names = names;
    this.calls = calls;
    this.signature = new SegmentSignature(plan, names);
  }

  /** The call of the segment's method in {@code runTask}, for task {@code partition}. */
  CodeBlock invocation(Segment segment, String partition, String context) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (SegmentInput input : segment.inputs()) {
      arguments.add(signature.argument(input, partition, context));
    }
    return CodeBlock.of("$N($L)", names.segment(segment), CodeBlock.join(arguments, ",$W"));
  }

  /** Partition {@code partition} of {@code source}'s records: an input's, or as kept. */
  CodeBlock partitionOf(String source, String partition, String context) {
    return signature.partitionOf(source, partition, context);
  }

  /** The segment's method. */
  MethodSpec method(Segment segment) {
    ChainWriter chain = new ChainWriter(segment, names, calls);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.segment(segment)).addModifiers(Modifier.PRIVATE);
    for (SegmentInput input : segment.inputs()) {
      method.addParameter(
          signature.type(input), chain.locals.newName(signature.name(input), signature.tag(input)));
    }
    String source = chain.locals.get(SegmentSignature.SOURCE);
    method.addJavadoc(
        "Segment $L: {@code $L}$L.\n", segment.index(), segment.name(), combinesText(segment));
    List<CodeBlock> links = new ArrayList<>();
    for (String called : methodsCalled(segment)) {
      links.add(CodeBlock.of("{@link $T#$L}", pipelineClass, called));
    }
    if (!links.isEmpty()) {
      method.addJavadoc("\n<p>Calls $L.\n", CodeBlock.join(links, ", "));
    }
    CodeBlock.Builder code = CodeBlock.builder();
    for (Step step : segment.allSteps()) {
      if (step.role() == Step.Role.DEAL || step.role() == Step.Role.MATERIALIZE) {
        code.addStatement("$N.clear()", chain.locals.get(step));
      }
    }
    chain.declareEmitters(code);
    Stage head = segment.head();
    code.add(
        switch (head.kind().family()) {
          case INPUT, UNION ->
              written(body -> chain.loop(body, source, head.outputType(), chain.recordName(head)));
          case PARTITION -> written(body -> new BatchSideWriter(chain).mapPartitions(body, source));
          case TRANSFORM ->
              written(body -> new BatchSideWriter(chain).transformBatch(body, source));
          case WINDOW -> written(body -> new BatchSideWriter(chain).window(body, source));
          case REPARTITION -> written(body -> new BatchSideWriter(chain).repartition(body, source));
          case GROUP, JOIN -> written(body -> new GroupSideWriter(chain).groups(body, source));
          case UPDATE_STATE ->
              written(body -> new StateSideWriter(chain).updateState(body, source));
          case MAP_WITH_STATE ->
              written(body -> new StateSideWriter(chain).mapWithState(body, source));
          case AGGREGATE, COMBINE ->
              written(body -> new AggregateSideWriter(chain).reduced(body, source));
          case NARROW, SNAPSHOTS, OUTPUT ->
              throw new IllegalArgumentException(head.name() + " heads no segment");
        });
    return method.addCode(code.build()).build();
  }

  /**
   * The names of the pipeline class's methods the segment calls, in order: its head's, then those
   * of its steps that call user code (a map side calls a reduce or combine function).
   */
  private static Set<String> methodsCalled(Segment segment) {
    Set<String> called = new LinkedHashSet<>();
    Stage head = segment.head();
    if (head.kind().readsStages() && head.kind().isAnnotation()) {
      head.methods().forEach(method -> called.add(method.name()));
    }
    for (Step step : segment.allSteps()) {
      Stage stage = step.stage();
      switch (step.role()) {
        case TRANSFORM, SNAPSHOT, DEAL -> called.add(stage.method().name());
        case COMBINE -> {
          if (stage.spec() instanceof OperatorSpec.Combine combine) {
            called.add(combine.createCombiner().name());
            called.add(combine.mergeValue().name());
          } else if (stage.kind().combines() && !Aggregation.of(stage.kind()).counts()) {
            called.add(stage.method().name());
          }
        }
        case COLLECT, MATERIALIZE -> {}
      }
    }
    return called;
  }

  /** The code {@code writer} adds to a builder of its own. */
  private static CodeBlock written(Consumer<CodeBlock.Builder> writer) {
    CodeBlock.Builder code = CodeBlock.builder();
    writer.accept(code);
    return code.build();
  }

  private static String combinesText(Segment segment) {
    Stage head = segment.head();
    String reads =
        switch (head.kind().family()) {
          case INPUT -> "";
          case UNION ->
              ", reading " + String.join(" and ", head.from()) + " partition after partition";
          case PARTITION, TRANSFORM -> ", reading " + head.from().get(0);
          case WINDOW -> ", windowing " + head.from().get(0);
          case REPARTITION -> ", reading the records dealt to it";
          case AGGREGATE, COMBINE, GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
              ", reading the reduce side of " + head.name();
          case NARROW, SNAPSHOTS, OUTPUT ->
              throw new IllegalArgumentException(head.name() + " heads no segment");
        };
    List<String> into = new ArrayList<>();
    for (Step step : segment.allSteps()) {
      if (step.role() == Step.Role.COMBINE || step.role() == Step.Role.DEAL) {
        String name = step.stage().name();
        if (!into.contains(name)) {
          into.add(name);
        }
      }
    }
    List<String> kept =
        segment.steps(Step.Role.MATERIALIZE).stream().map(step -> step.stage().name()).toList();
    return reads
        + (into.isEmpty() ? "" : ", combining into the map side of " + String.join(" and ", into))
        + (kept.isEmpty() ? "" : ", keeping the partitions of " + String.join(" and ", kept));
  }
}
