package dev.sluice.processor.validate;

import dev.sluice.processor.model.DeclaredDuration;
import dev.sluice.processor.model.StageDeclaration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @MapWithState}: {@code R name(K key, Optional<V> value, State<S> state)} with one concrete
 * state type {@code S} and a record type {@code R}, Spark's Java {@code StateSpec.function} shape;
 * its {@code timeout} a duration and {@code fullScanBatches} at least 1. Whether {@code K} and
 * {@code V} match the records read is checked along the wiring by {@link TypeFlowValidator}.
 */
final class MapWithStateSignature implements SignatureRule {

  /** The qualified name of the state handle. */
  static final String STATE = "dev.sluice.api.State";

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!timeout(stage, report) || !SignatureRule.hasArity(stage, 3, report)) {
      return Optional.empty();
    }
    List<? extends VariableElement> parameters = stage.method().getParameters();
    TypeMirror value = parameters.get(1).asType();
    if (typeArgument(value, TypeSupport.OPTIONAL) == null) {
      report.error(
          SignatureMessages.parameterType(
              stage.kind(),
              stage.name(),
              2,
              TypeSupport.text(value),
              "an Optional of the record's value, empty only for a timeout call",
              SignatureMessages.form(stage.kind(), stage.name())),
          parameters.get(1));
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    if (stateOf(stage) == null) {
      String actual =
          parameters.stream()
              .map(parameter -> TypeSupport.text(parameter.asType()))
              .collect(
                  Collectors.joining(
                      ", ", TypeSupport.text(returned) + " " + stage.name() + "(", ")"));
      report.error(StateMessages.stateType(stage.kind(), stage.name(), actual), parameters.get(2));
      return Optional.empty();
    }
    if (returned.getKind() == TypeKind.VOID) {
      report.error(
          SignatureMessages.returnType(stage.kind(), stage.name(), TypeSupport.text(returned)),
          stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(null, returned, null));
  }

  /** {@code S} of the {@code State<S>} parameter of a {@code @MapWithState} method, or null. */
  static TypeMirror stateOf(StageDeclaration stage) {
    List<? extends VariableElement> parameters = stage.method().getParameters();
    return parameters.size() == 3 ? typeArgument(parameters.get(2).asType(), STATE) : null;
  }

  private static boolean timeout(StageDeclaration stage, ValidationReport report) {
    DeclaredDuration timeout = stage.timeout();
    if (!timeout.isEmpty() && timeout.millis().isEmpty()) {
      report.error(
          StateMessages.timeoutSyntax(stage.name(), timeout.text()),
          stage.method(),
          stage.annotation(),
          timeout.value());
      return false;
    }
    int fullScan = stage.fullScanBatches();
    if (fullScan < 1) {
      report.error(
          StateMessages.fullScanBatches(stage.name(), fullScan),
          stage.method(),
          stage.annotation(),
          stage.fullScanBatchesValue());
      return false;
    }
    return true;
  }

  /** {@code X} of a {@code type} that is {@code qualifiedName<X>} with a concrete X, or null. */
  private static TypeMirror typeArgument(TypeMirror type, String qualifiedName) {
    if (!TypeSupport.is(type, qualifiedName)) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 1 && arguments.get(0) instanceof DeclaredType
        ? arguments.get(0)
        : null;
  }
}
