package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.plan.Step;

/**
 * Writes the map side of a shuffle in a segment's loop: each record combined into (or appended to,
 * for a grouping operator) the buffer of its key's reduce partition, in this task's row.
 */
final class MapSideWriter extends SideWriter {

  MapSideWriter(ChainWriter chain) {
    super(chain);
  }

  void combine(CodeBlock.Builder code, Step step, String record) {
    Stage stage = step.stage();
    String row = locals.get(step);
    String side = stage.kind().isBinary() ? (step.side() == 0 ? " left" : " right") : "";
    code.add("// $L$L, map side: $L\n", stage.name(), side, whatItDoes(stage));
    CodeBlock body =
        switch (stage.kind().family()) {
          case AGGREGATE ->
              switch (Aggregation.of(stage.kind())) {
                case COUNT ->
                    CodeBlock.builder()
                        .addStatement("$N($N[0], null, 1L)", names.combine(stage), row)
                        .build();
                case REDUCE ->
                    CodeBlock.builder()
                        .addStatement("$N($N[0], null, $N)", names.combine(stage), row, record)
                        .build();
                case COUNT_BY_VALUE ->
                    CodeBlock.builder()
                        .addStatement(
                            "$N($N[$T.partition($N, $N.length)],$W$N,$W1L)",
                            names.combine(stage),
                            row,
                            RuntimeTypes.PARTITIONER,
                            record,
                            row,
                            record)
                        .build();
                case BY_KEY -> combineByKey(step, stage.reduce().key(), record);
              };
          case COMBINE -> combineByKey(step, stage.reduce().key(), record);
          case GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
              appendByKey(step, stage.spec(OperatorSpec.Grouping.class).key(), record);
          case INPUT, NARROW, SNAPSHOTS, PARTITION, TRANSFORM, REPARTITION, WINDOW, OUTPUT, UNION ->
              throw new IllegalArgumentException(stage.name() + " has no map side");
        };
    UserCalls.guard(code, body, Throws.UNCHECKED, stage.name(), record, exception);
  }

  /** What the map side's line does with a record, for its comment. */
  private String whatItDoes(Stage stage) {
    return switch (stage.kind().family()) {
      case AGGREGATE ->
          switch (Aggregation.of(stage.kind())) {
            case COUNT -> "counts the record";
            case REDUCE ->
                "reduces the record into this task's value with " + calls.describe(stage.method());
            case COUNT_BY_VALUE -> "counts the record in the buffer of its partition";
            case BY_KEY ->
                "reduces the value into its key's entry with " + calls.describe(stage.method());
          };
      case COMBINE -> {
        OperatorSpec.Combine combine = stage.spec(OperatorSpec.Combine.class);
        yield "adds the value to its key's combiner with "
            + calls.describe(combine.createCombiner())
            + " or "
            + calls.describe(combine.mergeValue());
      }
      case GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
          "appends the value to its key's buffer, for the reduce side of " + stage.name();
      case INPUT, NARROW, SNAPSHOTS, PARTITION, TRANSFORM, REPARTITION, WINDOW, OUTPUT, UNION ->
          throw new IllegalArgumentException(stage.name() + " has no map side");
    };
  }

  /** Combines a {@code KV} record's value into the buffer of its key's partition. */
  private CodeBlock combineByKey(Step step, TypeName keyType, String record) {
    Stage stage = step.stage();
    String row = locals.get(step);
    String key = locals.newName("key", "key:" + stage.name() + step.side());
    return CodeBlock.builder()
        .addStatement("$T $N = $N.key()", keyType, key, record)
        .addStatement(
            "$N($N[$T.partition($N, $N.length)],$W$N,$W$N.value())",
            names.combine(stage),
            row,
            RuntimeTypes.PARTITIONER,
            key,
            row,
            key,
            record)
        .build();
  }

  /** Appends a {@code KV} record's value to the buffer of its key's partition. */
  private CodeBlock appendByKey(Step step, TypeName keyType, String record) {
    String row = locals.get(step);
    String key = locals.newName("key", "key:" + step.stage().name() + step.side());
    return CodeBlock.builder()
        .addStatement("$T $N = $N.key()", keyType, key, record)
        .addStatement(
            "$N[$T.partition($N, $N.length)].add($N,$W$N.value())",
            row,
            RuntimeTypes.PARTITIONER,
            key,
            row,
            key,
            record)
        .build();
  }
}
