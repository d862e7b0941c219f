package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes the narrow chain of one segment's method, and holds what the writers of its other parts
 * share (the segment, its locals, the name of the caught exception): each record goes straight from
 * one user method into the next, a flat map emitting through a lambda made once per task, filters
 * nesting the rest of the chain, fan-outs following one another in the loop body, outputs adding to
 * their list, records a later segment reads per partition kept in its exchange, and a shuffle's map
 * side left to {@link MapSideWriter}.
 */
final class ChainWriter {

  final Segment segment;
  final NameAllocator locals;
  final String exception;
  final ProgramNames names;
  final UserCalls calls;
  private final MapSideWriter mapSide;

  /** Starts writing {@code segment}'s method, with locals of its own. */
  ChainWriter(Segment segment, ProgramNames names, UserCalls calls) {
    this.segment = segment;
    this.names = names;
    this.calls = calls;
    this.locals = names.locals();
    this.exception = locals.newName("e", "exception");
    this.mapSide = new MapSideWriter(this);
  }

  /** A loop over {@code list}, pushing each record through the segment's steps. */
  void loop(CodeBlock.Builder code, String list, TypeName type, String record) {
    String i = locals.newName("i", "i:" + list);
    String n = locals.newName("n", "n:" + list);
    code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, list, i, n, i);
    code.addStatement("$T $N = $N.get($N)", type, record, list, i);
    consume(code, segment.steps(), record);
    code.endControlFlow();
  }

  String recordName(Stage head) {
    String name =
        head.kind() == StageKind.INPUT
            ? ProgramNames.singular(head.name())
            : head.kind() == StageKind.UNION ? "record" : head.name();
    return locals.newName(name, "record:" + head.name());
  }

  /** Pushes {@code record} through {@code steps}. */
  void consume(CodeBlock.Builder code, List<Step> steps, String record) {
    for (Step step : steps) {
      Stage stage = step.stage();
      switch (step.role()) {
        case TRANSFORM -> transform(code, step, record);
        // runs once per key after the batch's calls, written by the reduce side of mapWithState
        case SNAPSHOT -> {}
        case COLLECT -> {
          code.add(
              "// $L: output, default sink $L\n", stage.name(), calls.describe(stage.method()));
          code.addStatement("$N.add($N)", locals.get(step), record);
        }
        case MATERIALIZE -> {
          code.add("// kept for the segments reading $L's partitions\n", stage.name());
          code.addStatement("$N.add($N)", locals.get(step), record);
        }
        case DEAL -> {
          calls.comment(code, stage, ", dealt round robin");
          String result = locals.newName(stage.name(), "record:" + stage.name());
          code.addStatement("$T $N", stage.outputType(), result);
          guard(code, stage, CodeBlock.of("$N = $L", result, call(stage, record)), record);
          code.addStatement("$N.deal($N)", locals.get(step), result);
        }
        case COMBINE -> mapSide.combine(code, step, record);
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
      case MAP_VALUES -> {
        String result = locals.newName(stage.name(), "record:" + stage.name());
        code.addStatement("$T $N", stage.outputType(), result);
        guard(
            code,
            stage,
            CodeBlock.of(
                "$N = $T.of($N.key(), $L)",
                result,
                RuntimeTypes.KV,
                record,
                calls.call(stage.method(), CodeBlock.of("$N.value()", record))),
            record);
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
        CodeBlock arguments = CodeBlock.of("$N, $N", record, locals.get("emitter:" + stage.name()));
        guard(code, stage, calls.call(stage.method(), arguments), record);
      }
      case FLAT_MAP_VALUES -> {
        String emitter = locals.get("emitter:" + stage.name());
        code.addStatement("$N.key($N.key())", emitter, record);
        guard(
            code,
            stage,
            calls.call(stage.method(), CodeBlock.of("$N.value(), $N", record, emitter)),
            record);
      }
      case INPUT,
          MAP_PARTITIONS,
          TRANSFORM,
          REPARTITION,
          COUNT,
          COUNT_BY_VALUE,
          REDUCE,
          REDUCE_BY_KEY,
          COMBINE_BY_KEY,
          GROUP_BY_KEY,
          JOIN,
          COGROUP,
          WINDOW,
          REDUCE_BY_KEY_AND_WINDOW,
          REDUCE_BY_WINDOW,
          COUNT_BY_WINDOW,
          GROUP_BY_KEY_AND_WINDOW,
          COUNT_BY_VALUE_AND_WINDOW,
          UPDATE_STATE_BY_KEY,
          MAP_WITH_STATE,
          STATE_SNAPSHOTS,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException("not fused record by record: " + stage);
    }
  }

  /**
   * Declares one emitter per flat-mapping stage (and per join or map-partitions head), once per
   * task. A nested emitter comes first, since the enclosing lambda refers to it.
   */
  void declareEmitters(CodeBlock.Builder code) {
    Stage head = segment.head();
    if (head.kind() == StageKind.MAP_PARTITIONS || head.kind() == StageKind.JOIN) {
      String emitter = locals.newName(head.name(), "emitter:" + head.name());
      String emitted = locals.newName(ProgramNames.singular(head.name()), "emitted:" + head.name());
      List<Step> flatMaps = flatMaps();
      declare(code, flatMaps);
      code.add(
          "$T $N = $N -> {\n$>",
          ParameterizedTypeName.get(RuntimeTypes.EMITTER, head.outputType().box()),
          emitter,
          emitted);
      consume(code, segment.steps(), emitted);
      code.add("$<};\n");
      return;
    }
    declare(code, flatMaps());
  }

  private List<Step> flatMaps() {
    List<Step> flatMaps =
        new ArrayList<>(
            segment.allSteps().stream()
                .filter(
                    step ->
                        step.role() == Step.Role.TRANSFORM
                            && (step.stage().kind() == StageKind.FLAT_MAP
                                || step.stage().kind() == StageKind.FLAT_MAP_VALUES))
                .toList());
    for (Step flatMap : flatMaps) {
      locals.newName(flatMap.stage().name(), "emitter:" + flatMap.stage().name());
      locals.newName(
          ProgramNames.singular(flatMap.stage().name()), "emitted:" + flatMap.stage().name());
    }
    Collections.reverse(flatMaps);
    return flatMaps;
  }

  private void declare(CodeBlock.Builder code, List<Step> flatMaps) {
    for (Step flatMap : flatMaps) {
      Stage stage = flatMap.stage();
      String emitted = locals.get("emitted:" + stage.name());
      String emitter = locals.get("emitter:" + stage.name());
      if (stage.kind() == StageKind.FLAT_MAP_VALUES) {
        OperatorSpec.Values values = stage.spec(OperatorSpec.Values.class);
        code.add(
            "$T $N = new $T<>($N -> {\n$>",
            ParameterizedTypeName.get(RuntimeTypes.VALUE_EMITTER, values.key(), values.produced()),
            emitter,
            RuntimeTypes.VALUE_EMITTER,
            emitted);
        consume(code, flatMap.next(), emitted);
        code.add("$<});\n");
      } else {
        code.add(
            "$T $N = $N -> {\n$>",
            ParameterizedTypeName.get(RuntimeTypes.EMITTER, stage.outputType()),
            emitter,
            emitted);
        consume(code, flatMap.next(), emitted);
        code.add("$<};\n");
      }
    }
  }

  CodeBlock call(Stage stage, String record) {
    return calls.call(stage.method(), CodeBlock.of("$N", record));
  }

  void guard(CodeBlock.Builder code, Stage stage, CodeBlock statement, String record) {
    UserCalls.guard(
        code,
        CodeBlock.builder().addStatement(statement).build(),
        stage.method().throwsKind(),
        stage.name(),
        record,
        exception);
  }
}
