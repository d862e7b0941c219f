package dev.sluice.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes one segment as one method with one indexed loop: each record goes straight from one user
 * method into the next, a flat map emitting through a lambda made once per task, filters nesting
 * the rest of the chain, fan-outs following one another in the loop body, outputs adding to their
 * list and a shuffle's map side combining into its buffers. Generated code allocates nothing per
 * record beyond what user methods allocate and the {@code KV} of a reduce's output.
 */
final class SegmentWriter {

  private final ExecutionPlan plan;
  private final ProgramNames names;
  private final UserCalls calls;

  SegmentWriter(ExecutionPlan plan, ProgramNames names, UserCalls calls) {
    this.plan = plan;
    this.names = names;
    this.calls = calls;
  }

  /** The call of the segment's method in {@code runTask}, for task {@code partition}. */
  CodeBlock invocation(Segment segment, String partition, String context) {
    List<CodeBlock> arguments = new ArrayList<>();
    Stage head = segment.head();
    arguments.add(
        segment.readsInput()
            ? CodeBlock.of("$N.input($L, $N)", context, plan.inputIndex(head), partition)
            : CodeBlock.of("$N($N)", names.merge(head), partition));
    for (Step combine : segment.steps(Step.Role.COMBINE)) {
      arguments.add(CodeBlock.of("$N[$N]", names.shuffle(combine.stage()), partition));
    }
    for (Step collect : segment.steps(Step.Role.COLLECT)) {
      arguments.add(
          CodeBlock.of("$N.output($L, $N)", context, plan.outputIndex(collect.stage()), partition));
    }
    return CodeBlock.of("$N($L)", names.segment(segment), CodeBlock.join(arguments, ", "));
  }

  /** The segment's method. */
  MethodSpec method(Segment segment) {
    return new Body(segment).method();
  }

  /** The state of writing one segment method: its names. */
  private final class Body {
    private final Segment segment;
    private final NameAllocator locals;
    private final String exception;
    private final MethodSpec.Builder method;

    Body(Segment segment) {
      this.segment = segment;
      this.locals = names.locals();
      this.exception = locals.newName("e", "exception");
      this.method = MethodSpec.methodBuilder(names.segment(segment)).addModifiers(Modifier.PRIVATE);
    }

    MethodSpec method() {
      Stage head = segment.head();
      String source = parameters();
      method.addJavadoc(
          "Segment $L: {@code $L}$L.\n", segment.index(), segment.name(), combinesText());
      CodeBlock.Builder code = CodeBlock.builder();
      declareEmitters(code);
      String i = locals.newName("i", "i");
      String n = locals.newName("n", "n");
      code.beginControlFlow(
          "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, source, i, n, i);
      String record;
      if (segment.readsInput()) {
        record = locals.newName(ProgramNames.singular(head.name()), "record:" + head.name());
        code.addStatement("$T $N = $N.get($N)", head.outputType(), record, source, i);
      } else {
        ReduceSpec reduce = head.reduce();
        record = locals.newName(head.name(), "record:" + head.name());
        code.add("// $L: reduced with $L\n", head.name(), calls.describe(head.method()));
        code.addStatement(
            "$T $N = $T.of($N.key($N), $L)",
            head.outputType(),
            record,
            RuntimeTypes.KV,
            source,
            i,
            ValueCodec.decode(reduce.valueKind(), CodeBlock.of("$N.get($N)", source, i)));
      }
      consume(code, segment.steps(), record);
      code.endControlFlow();
      if (!segment.readsInput()) {
        code.addStatement("$N.clear()", source);
      }
      return method.addCode(code.build()).build();
    }

    /** Declares the parameters; returns the name of the one the loop reads. */
    private String parameters() {
      Stage head = segment.head();
      String source;
      if (segment.readsInput()) {
        source = locals.newName(head.name(), "source");
        method.addParameter(RuntimeTypes.listOf(head.outputType()), source);
      } else {
        ReduceSpec reduce = head.reduce();
        source = locals.newName("merged", "source");
        method.addParameter(
            RuntimeTypes.valueMap(reduce.key(), reduce.value(), reduce.valueKind()), source);
      }
      for (Step combine : segment.steps(Step.Role.COMBINE)) {
        method.addParameter(
            rowType(combine.stage().reduce()), locals.newName(combine.stage().name(), combine));
      }
      for (Step collect : segment.steps(Step.Role.COLLECT)) {
        method.addParameter(
            RuntimeTypes.listOf(collect.stage().inputType()),
            locals.newName(collect.stage().name(), collect));
      }
      return source;
    }

    private String combinesText() {
      String reads =
          segment.readsInput() ? "" : ", reading the reduce side of " + segment.head().name();
      List<String> reduces =
          segment.steps(Step.Role.COMBINE).stream().map(step -> step.stage().name()).toList();
      return reduces.isEmpty()
          ? reads
          : reads + ", combining into the map side of " + String.join(" and ", reduces);
    }

    /**
     * Declares one emitter lambda per flat map, once per task. A nested flat map's emitter comes
     * first, since the enclosing lambda refers to it.
     */
    private void declareEmitters(CodeBlock.Builder code) {
      List<Step> flatMaps =
          new ArrayList<>(
              segment.allSteps().stream()
                  .filter(step -> step.stage().kind() == StageKind.FLAT_MAP)
                  .toList());
      for (Step flatMap : flatMaps) {
        locals.newName(flatMap.stage().name(), "emitter:" + flatMap.stage().name());
        locals.newName(
            ProgramNames.singular(flatMap.stage().name()), "emitted:" + flatMap.stage().name());
      }
      Collections.reverse(flatMaps);
      for (Step flatMap : flatMaps) {
        Stage stage = flatMap.stage();
        String emitted = locals.get("emitted:" + stage.name());
        code.add(
            "$T $N = $N -> {\n$>",
            ParameterizedTypeName.get(RuntimeTypes.EMITTER, stage.outputType()),
            locals.get("emitter:" + stage.name()),
            emitted);
        consume(code, flatMap.next(), emitted);
        code.add("$<};\n");
      }
    }

    /** Pushes {@code record} through {@code steps}. */
    private void consume(CodeBlock.Builder code, List<Step> steps, String record) {
      for (Step step : steps) {
        Stage stage = step.stage();
        switch (step.role()) {
          case TRANSFORM -> transform(code, step, record);
          case COLLECT -> {
            code.add(
                "// $L: output, default sink $L\n", stage.name(), calls.describe(stage.method()));
            code.addStatement("$N.add($N)", locals.get(step), record);
          }
          case COMBINE -> {
            calls.comment(code, stage, ", map side");
            String row = locals.get(step);
            String key = locals.newName("key", "key:" + stage.name());
            UserCalls.guard(
                code,
                CodeBlock.builder()
                    .addStatement("$T $N = $N.key()", stage.reduce().key(), key, record)
                    .addStatement(
                        "$N($N[$T.partition($N, $N.length)], $N, $N.value())",
                        names.combine(stage),
                        row,
                        RuntimeTypes.PARTITIONER,
                        key,
                        row,
                        key,
                        record)
                    .build(),
                Throws.UNCHECKED,
                stage.name(),
                record,
                exception);
          }
        }
      }
    }

    private void transform(CodeBlock.Builder code, Step step, String record) {
      Stage stage = step.stage();
      calls.comment(code, stage, "");
      switch (stage.kind()) {
        case MAP -> {
          String result = locals.newName(stage.name(), "record:" + stage.name());
          code.addStatement("$T $N", stage.outputType(), result);
          guard(code, stage, CodeBlock.of("$N = $L", result, call(stage, record)), record);
          consume(code, step.next(), result);
        }
        case FILTER -> {
          String keep = locals.newName(stage.name(), "record:" + stage.name());
          code.addStatement("boolean $N", keep);
          guard(code, stage, CodeBlock.of("$N = $L", keep, call(stage, record)), record);
          code.beginControlFlow("if ($N)", keep);
          consume(code, step.next(), record);
          code.endControlFlow();
        }
        case FLAT_MAP -> {
          CodeBlock arguments =
              CodeBlock.of("$N, $N", record, locals.get("emitter:" + stage.name()));
          guard(code, stage, calls.call(stage.method(), arguments), record);
        }
        default -> throw new IllegalArgumentException("not narrow: " + stage);
      }
    }

    private CodeBlock call(Stage stage, String record) {
      return calls.call(stage.method(), CodeBlock.of("$N", record));
    }

    private void guard(CodeBlock.Builder code, Stage stage, CodeBlock statement, String record) {
      UserCalls.guard(
          code,
          CodeBlock.builder().addStatement(statement).build(),
          stage.method().throwsKind(),
          stage.name(),
          record,
          exception);
    }
  }

  /** The type of one task's row of a shuffle's buffers: one buffer per reduce partition. */
  static TypeName rowType(ReduceSpec reduce) {
    return ArrayTypeName.of(
        RuntimeTypes.valueMap(reduce.key(), reduce.value(), reduce.valueKind()));
  }
}
