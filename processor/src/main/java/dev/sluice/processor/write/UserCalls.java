package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.model.TypeText;
import dev.sluice.processor.model.UserMethod;

/**
 * Calls of the user's methods from generated code: a static call on the pipeline class or a call on
 * the one pipeline instance, the comment naming the method at each step, and the guard that turns
 * any exception into a {@code StageFailure} naming the stage and the record.
 */
final class UserCalls {

  private final ClassName pipelineClass;
  private final String instance;

  /** Calls on {@code pipelineClass}, instance methods through the field {@code instance}. */
  UserCalls(ClassName pipelineClass, String instance) {
    this.pipelineClass = pipelineClass;
    this.instance = instance;
  }

  /** The call of {@code method} with {@code arguments}. */
  CodeBlock call(UserMethod method, CodeBlock arguments) {
    return method.isStatic()
        ? CodeBlock.of("$T.$N($L)", pipelineClass, method.name(), arguments)
        : CodeBlock.of("$N.$N($L)", instance, method.name(), arguments);
  }

  /** The method as comments name it: {@code WordCount.pairs(String)}. */
  String describe(UserMethod method) {
    return TypeText.of(pipelineClass) + "." + method.signature();
  }

  /** Adds the comment naming the step: {@code // pairs: WordCount.pairs(String)}. */
  void comment(CodeBlock.Builder code, Stage stage, String role) {
    code.add("// $L$L: $L\n", stage.name(), role, describe(stage.method()));
  }

  /**
   * Adds {@code body} wrapped so that whatever the call may throw becomes {@code
   * StageFailure.wrap(e, stage, record)}.
   */
  static void guard(
      CodeBlock.Builder code,
      CodeBlock body,
      Throws throwsKind,
      String stage,
      String record,
      String exception) {
    Class<?> caught =
        switch (throwsKind) {
          case UNCHECKED -> RuntimeException.class;
          case EXCEPTION -> Exception.class;
          case THROWABLE -> Throwable.class;
        };
    code.beginControlFlow("try")
        .add(body)
        .nextControlFlow("catch ($T $N)", caught, exception)
        .addStatement(
            "throw $T.wrap($N, $S, $N)", RuntimeTypes.STAGE_FAILURE, exception, stage, record)
        .endControlFlow();
  }
}
