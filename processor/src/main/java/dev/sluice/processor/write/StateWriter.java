package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Stage;
import javax.lang.model.element.Modifier;

/**
 * Writes the members behind an {@code updateStateByKey} stage: one state store per task of its
 * segment, and the method through which a store calls the user's update function once per key and
 * batch, turning what it throws into a {@code StageFailure} naming the stage and the key's values.
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

  /** {@code S}, the state of the {@code KV<K, S>} records the stage produces. */
  static TypeName stateType(Stage stage) {
    return ((ParameterizedTypeName) stage.outputType()).typeArguments().get(1);
  }

  /** The type of one task's store: {@code UpdateStateStore<K, V, S>}. */
  static TypeName storeType(Stage stage) {
    return ParameterizedTypeName.get(
        RuntimeTypes.UPDATE_STATE_STORE,
        stage.spec().key(),
        stage.spec().value().box(),
        stateType(stage));
  }

  /** The constructor statements making {@code tasks} stores. */
  CodeBlock initializer(Stage stage, CodeBlock tasks) {
    String stores = names.state(stage);
    return CodeBlock.builder()
        .addStatement("this.$N = new $T<>()", stores, RuntimeTypes.ARRAY_LIST)
        .beginControlFlow("for (int task = 0, tasks = $L; task < tasks; task++)", tasks)
        .addStatement(
            "this.$N.add(new $T<>($L))", stores, RuntimeTypes.UPDATE_STATE_STORE, EXPECTED_KEYS)
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
            .addStatement(
                "next = $L", calls.call(stage.method(), CodeBlock.of("values, previous")))
            .build(),
        stage.method().throwsKind(),
        stage.name(),
        "values",
        "e");
    code.addStatement("return next");
    return MethodSpec.methodBuilder(names.update(stage))
        .addJavadoc("The new state of one key of {@code $L}: {@code $L}.\n", stage.name(),
            calls.describe(stage.method()))
        .addModifiers(Modifier.PRIVATE)
        .returns(optional)
        .addParameter(RuntimeTypes.listOf(stage.spec().value()), "values")
        .addParameter(optional, "previous")
        .addCode(code.build())
        .build();
  }
}
