package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @UpdateStateByKey}: {@code Optional<S> name(List<V> newValues, Optional<S> state)} with
 * one concrete state type {@code S}, which the stage's records {@code KV<K, S>} carry. Whether
 * {@code V} matches the records read is checked along the wiring by {@link TypeFlowValidator}.
 */
final class UpdateStateSignature implements SignatureRule {

  private final TypeSupport types;

  UpdateStateSignature(TypeSupport types) {
    this.types = types;
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 2, report)) {
      return Optional.empty();
    }
    List<? extends VariableElement> parameters = stage.method().getParameters();
    TypeMirror values = parameters.get(0).asType();
    if (!TypeSupport.is(values, TypeSupport.LIST)
        || ((DeclaredType) values).getTypeArguments().size() != 1) {
      report.error(
          SignatureMessages.parameterType(
              stage.kind(),
              stage.name(),
              1,
              TypeSupport.text(values),
              "a List of its new values",
              SignatureMessages.form(stage.kind(), stage.name())),
          parameters.get(0));
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    TypeMirror stateIn = optionalOf(parameters.get(1).asType());
    TypeMirror stateOut = optionalOf(returned);
    if (stateIn == null || stateOut == null || !types.isSame(stateIn, stateOut)) {
      String actual =
          parameters.stream()
              .map(parameter -> TypeSupport.text(parameter.asType()))
              .collect(
                  Collectors.joining(
                      ", ", TypeSupport.text(returned) + " " + stage.name() + "(", ")"));
      report.error(StateMessages.stateType(stage.kind(), stage.name(), actual), stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(null, stateOut, null));
  }

  /** {@code S} of an {@code Optional<S>} with a concrete {@code S}, or {@code null}. */
  private static TypeMirror optionalOf(TypeMirror type) {
    if (!TypeSupport.is(type, TypeSupport.OPTIONAL)) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 1 && arguments.get(0) instanceof DeclaredType
        ? arguments.get(0)
        : null;
  }
}
