package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Family;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import javax.lang.model.element.Modifier;

/**
 * Writes the members behind a stateful stage: one state store per task of its segment, and for
 * {@code updateStateByKey} the method through which a store calls the user's update function once
 * per key and batch, turning what it throws into a {@code StageFailure} naming the stage and the
 * key's values. A {@code mapWithState} store is called from the segment's loop instead.
 */
final class StateWriter {

  /** Stores start with room for this many keys and grow once. */
  private static final int EXPECTED_KEYS = 16;

  private final ProgramNames names;
  private final UserCalls calls;

  StateWriter(ProgramNames names, UserCalls calls) {
    this.names = names;
    this.calls = calls;
  }

  /**
   * {@code S}: for {@code updateStateByKey} the state of the {@code KV<K, S>} records it produces,
   * for {@code mapWithState} the argument of its {@code State<S>} parameter.
   */
  static TypeName stateType(Stage stage) {
    return switch (stage.kind().family()) {
      case UPDATE_STATE -> stage.spec(OperatorSpec.UpdateState.class).state();
      case MAP_WITH_STATE -> stage.spec(OperatorSpec.MapWithState.class).state();
      case INPUT,
          NARROW,
          SNAPSHOTS,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          AGGREGATE,
          COMBINE,
          GROUP,
          JOIN,
          WINDOW,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException(stage.name() + " keeps no state");
    };
  }

  /**
   * The type of one task's store: {@code UpdateStateStore<K, V, S>}, or {@code MapWithStateStore<K,
   * S>}.
   */
  static TypeName storeType(Stage stage) {
    OperatorSpec.Grouping spec = stage.spec(OperatorSpec.Grouping.class);
    if (stage.kind().family() == Family.MAP_WITH_STATE) {
      return ParameterizedTypeName.get(
          RuntimeTypes.MAP_WITH_STATE_STORE, spec.key(), stateType(stage));
    }
    return ParameterizedTypeName.get(
        RuntimeTypes.UPDATE_STATE_STORE, spec.key(), spec.value().box(), stateType(stage));
  }

  /** The constructor statements making {@code tasks} stores. */
  CodeBlock initializer(Stage stage, CodeBlock tasks) {
    String stores = names.state(stage);
    CodeBlock store =
        stage.spec() instanceof OperatorSpec.MapWithState mapWithState
            ? CodeBlock.of(
                "new $T<>($LL, $L, $L)",
                RuntimeTypes.MAP_WITH_STATE_STORE,
                mapWithState.timeout().timeoutMillis(),
                mapWithState.timeout().fullScanBatches(),
                EXPECTED_KEYS)
            : CodeBlock.of("new $T<>($L)", RuntimeTypes.UPDATE_STATE_STORE, EXPECTED_KEYS);
    return CodeBlock.builder()
        .addStatement("this.$N = new $T<>()", stores, RuntimeTypes.ARRAY_LIST)
        .beginControlFlow("for (int task = 0, tasks = $L; task < tasks; task++)", tasks)
        .addStatement("this.$N.add($L)", stores, store)
        .endControlFlow()
        .build();
  }

  /** {@code Optional<S> update(List<V> values, Optional<S> state)}, guarded. */
  MethodSpec update(Stage stage) {
    TypeName optional = ParameterizedTypeName.get(RuntimeTypes.OPTIONAL, stateType(stage));
    CodeBlock.Builder code = CodeBlock.builder().addStatement("$T next", optional);
    UserCalls.guard(
        code,
        CodeBlock.builder()
            .addStatement("next = $L", calls.call(stage.method(), CodeBlock.of("values, previous")))
            .build(),
        stage.method().throwsKind(),
        stage.name(),
        "values",
        "e");
    code.addStatement("return next");
    return MethodSpec.methodBuilder(names.update(stage))
        .addJavadoc(
            "The new state of one key of {@code $L}: {@code $L}.\n",
            stage.name(),
            calls.describe(stage.method()))
        .addModifiers(Modifier.PRIVATE)
        .returns(optional)
        .addParameter(
            RuntimeTypes.listOf(stage.spec(OperatorSpec.UpdateState.class).value()), "values")
        .addParameter(optional, "previous")
        .addCode(code.build())
        .build();
  }
}
