package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @ReduceByKey}, {@code @Reduce} and (for its own method) {@code @CombineByKey}: {@code V
 * name(V a, V b)}. Whether {@code V} matches the records read is a question of the wiring, checked
 * by {@link TypeFlowValidator}.
 */
final class ReduceByKeySignature implements SignatureRule {

  private final TypeSupport types;

  ReduceByKeySignature(TypeSupport types) {
    this.types = types;
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 2, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    List<? extends VariableElement> parameters = stage.method().getParameters();
    if (returned.getKind() == TypeKind.VOID
        || !types.isSame(returned, parameters.get(0).asType())
        || !types.isSame(returned, parameters.get(1).asType())) {
      String signature =
          parameters.stream()
              .map(parameter -> TypeSupport.text(parameter.asType()))
              .collect(
                  Collectors.joining(
                      ", ", TypeSupport.text(returned) + " " + stage.name() + "(", ")"));
      report.error(
          SignatureMessages.reduceFunctionShape(stage.kind(), stage.name(), signature),
          stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(null, null, returned));
  }
}
