package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import java.util.Optional;

/** The signature check of one operator kind. */
interface SignatureRule {

  /** The signature of {@code stage}, or empty after reporting one problem with it. */
  Optional<Signature> check(StageDeclaration stage, ValidationReport report);

  /** The rule for {@code kind}. */
  static SignatureRule forKind(StageKind kind, TypeSupport types) {
    return switch (kind) {
      case INPUT -> PortSignature.input(types);
      case MAP, WINDOW -> new MapSignature();
      case FILTER -> new FilterSignature();
      case FLAT_MAP, FLAT_MAP_VALUES, MAP_PARTITIONS -> new FlatMapSignature(types);
      case REDUCE_BY_KEY, REDUCE, COMBINE_BY_KEY, REDUCE_BY_KEY_AND_WINDOW, REDUCE_BY_WINDOW ->
          new ReduceByKeySignature(types);
      case MAP_VALUES,
          REPARTITION,
          TRANSFORM,
          COUNT,
          COUNT_BY_VALUE,
          GROUP_BY_KEY,
          JOIN,
          COGROUP,
          COUNT_BY_WINDOW,
          COUNT_BY_VALUE_AND_WINDOW,
          GROUP_BY_KEY_AND_WINDOW ->
          new OperatorSignature(types);
      case UPDATE_STATE_BY_KEY -> new UpdateStateSignature(types);
      case MAP_WITH_STATE -> new MapWithStateSignature();
      case STATE_SNAPSHOTS -> new SnapshotSignature();
      case OUTPUT -> PortSignature.output(types);
      case UNION -> throw new IllegalArgumentException("a union is not declared");
    };
  }

  /** Whether the method has {@code count} parameters; reports the arity problem if not. */
  static boolean hasArity(StageDeclaration stage, int count, ValidationReport report) {
    int actual = stage.method().getParameters().size();
    if (actual != count) {
      report.error(SignatureMessages.arity(stage.kind(), stage.name(), actual), stage.method());
      return false;
    }
    return true;
  }
}
