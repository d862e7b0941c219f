package dev.sluice.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.SegmentInput;

/**
 * The parameters of a segment's method and the arguments of its call in {@code runTask}, one {@link
 * SegmentInput} at a time: the type, name and argument of each input kind are written here side by
 * side, and both sides follow the plan's one list of inputs.
 */
final class SegmentSignature {

  /** The locals tag of the parameter holding the records the segment's loop reads. */
  static final String SOURCE = "source";

  private final ExecutionPlan plan;
  private final ProgramNames names;

  SegmentSignature(ExecutionPlan plan, ProgramNames names) {
    this.plan = plan;
    this.names = names;
  }

  /** The parameter's type. */
  TypeName type(SegmentInput input) {
    Stage stage = input.stage();
    return switch (input.source()) {
      case INPUT_PARTITION, UNION_PARTITION -> RuntimeTypes.listOf(stage.outputType());
      case PARTITION, WHOLE_BATCH -> RuntimeTypes.listOf(stage.inputType());
      case TRANSFORM_TIME, BATCH_INDEX, STATE_TIME -> TypeName.LONG;
      case EXCHANGE -> RuntimeTypes.exchangeOf(stage.outputType());
      case EXCHANGE_PARTITION -> TypeName.INT;
      case SHUFFLE_GROUPS -> {
        OperatorSpec.Grouping spec = stage.spec(OperatorSpec.Grouping.class);
        yield ParameterizedTypeName.get(
            RuntimeTypes.KEY_GROUPS,
            spec.key(),
            spec.value().box(),
            spec.rightValue().map(TypeName::box).orElse(ClassName.OBJECT));
      }
      case SHUFFLE_MERGED -> {
        ReduceSpec reduce = stage.reduce();
        yield RuntimeTypes.valueMap(reduce.key(), reduce.value(), reduce.valueKind());
      }
      case WINDOW_STORE -> WindowWriter.storeType(stage);
      case STATE_STORE -> StateWriter.storeType(stage);
      case MAP_SIDE ->
          stage.kind().groups() ? pairRowType(stage, input.step().side()) : rowType(stage.reduce());
      case DEALT, KEPT -> RuntimeTypes.rowOf(stage.outputType());
      case COLLECTED -> RuntimeTypes.listOf(stage.inputType());
    };
  }

  /** The name the parameter would like; the method's locals make it unique. */
  String name(SegmentInput input) {
    Stage stage = input.stage();
    return switch (input.source()) {
      case INPUT_PARTITION, UNION_PARTITION -> Segment.identifier(stage);
      case PARTITION, EXCHANGE_PARTITION -> "partition";
      case WHOLE_BATCH -> "batch";
      case TRANSFORM_TIME -> "time";
      case EXCHANGE -> "exchange";
      case SHUFFLE_GROUPS -> "groups";
      case SHUFFLE_MERGED -> "merged";
      case WINDOW_STORE -> "window";
      case STATE_STORE -> "state";
      case BATCH_INDEX -> "batchIndex";
      case STATE_TIME -> "batchTime";
      case MAP_SIDE -> stage.name() + (input.step().side() == 1 ? "Right" : "");
      case DEALT, COLLECTED -> stage.name();
      case KEPT -> Segment.identifier(stage) + "Kept";
    };
  }

  /**
   * The tag under which the segment's code finds the parameter's name: {@link #SOURCE} for the
   * records the loop reads, the step for a step's buffer or list, otherwise the name asked for.
   */
  Object tag(SegmentInput input) {
    return switch (input.source()) {
      case INPUT_PARTITION,
          UNION_PARTITION,
          PARTITION,
          WHOLE_BATCH,
          EXCHANGE,
          SHUFFLE_GROUPS,
          SHUFFLE_MERGED ->
          SOURCE;
      case TRANSFORM_TIME, EXCHANGE_PARTITION, WINDOW_STORE, STATE_STORE, BATCH_INDEX, STATE_TIME ->
          name(input);
      case MAP_SIDE, DEALT, KEPT, COLLECTED -> input.step();
    };
  }

  /** The argument {@code runTask} passes for task {@code partition} with {@code context}. */
  CodeBlock argument(SegmentInput input, String partition, String context) {
    Stage stage = input.stage();
    return switch (input.source()) {
      case INPUT_PARTITION ->
          CodeBlock.of("$N.input($L, $N)", context, plan.inputIndex(stage), partition);
      case UNION_PARTITION -> CodeBlock.of("$N($N, $N)", names.helper(stage), partition, context);
      case PARTITION -> partitionOf(stage.from().get(0), partition, context);
      case WHOLE_BATCH -> CodeBlock.of("$N($N)", names.helper(stage), context);
      case TRANSFORM_TIME, STATE_TIME -> CodeBlock.of("$N.batchTime()", context);
      case EXCHANGE -> CodeBlock.of("$N", names.shuffle(stage));
      case EXCHANGE_PARTITION -> CodeBlock.of("$N", partition);
      case SHUFFLE_GROUPS -> CodeBlock.of("$N.group($N)", names.shuffle(stage), partition);
      case SHUFFLE_MERGED -> CodeBlock.of("$N($N)", names.merge(stage), partition);
      case WINDOW_STORE -> CodeBlock.of("$N.get($N)", names.window(stage), partition);
      case STATE_STORE -> CodeBlock.of("$N.get($N)", names.state(stage), partition);
      case BATCH_INDEX -> CodeBlock.of("$N.batchIndex()", context);
      case MAP_SIDE ->
          stage.kind().groups()
              ? CodeBlock.of(
                  "$N.$L($N)",
                  names.shuffle(stage),
                  input.step().side() == 0 ? "left" : "right",
                  partition)
              : CodeBlock.of("$N[$N]", names.shuffle(stage), partition);
      case DEALT -> CodeBlock.of("$N.row($N)", names.shuffle(stage), partition);
      case KEPT -> CodeBlock.of("$N.row($N)", names.partitions(stage), partition);
      case COLLECTED ->
          CodeBlock.of("$N.output($L, $N)", context, plan.outputIndex(stage), partition);
    };
  }

  /** Partition {@code partition} of {@code source}'s records: an input's, or as kept. */
  CodeBlock partitionOf(String source, String partition, String context) {
    Stage stage = plan.graph().stage(source);
    return stage.kind() == StageKind.INPUT
        ? CodeBlock.of("$N.input($L, $N)", context, plan.inputIndex(stage), partition)
        : CodeBlock.of("$N.list($N, 0)", names.partitions(stage), partition);
  }

  /** The type of one task's row of a shuffle's combine buffers: one per reduce partition. */
  static TypeName rowType(ReduceSpec reduce) {
    return ArrayTypeName.of(
        RuntimeTypes.valueMap(reduce.key(), reduce.value(), reduce.valueKind()));
  }

  /** The type of one task's row of a grouping shuffle's buffers for {@code side}. */
  static TypeName pairRowType(Stage stage, int side) {
    OperatorSpec.Grouping spec = stage.spec(OperatorSpec.Grouping.class);
    TypeName values = side == 0 ? spec.value() : spec.rightValue().orElseThrow();
    return ArrayTypeName.of(
        ParameterizedTypeName.get(RuntimeTypes.PAIR_BUFFER, spec.key(), values.box()));
  }
}
