package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @FlatMap}: {@code void name(T record, Emitter<R> out)}; also {@code @FlatMapValues}
 * ({@code V value} first) and {@code @MapPartitions} ({@code List<T> partition} first, checked
 * along the wiring).
 */
final class FlatMapSignature implements SignatureRule {

  private final TypeSupport types;

  FlatMapSignature(TypeSupport types) {
    this.types = types;
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 2, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    if (returned.getKind() != TypeKind.VOID) {
      report.error(
          SignatureMessages.returnType(stage.kind(), stage.name(), TypeSupport.text(returned)),
          stage.method());
      return Optional.empty();
    }
    VariableElement emitter = stage.method().getParameters().get(1);
    Optional<TypeMirror> emitted =
        TypeSupport.is(emitter.asType(), TypeSupport.EMITTER)
            ? types.recordTypeOf(emitter.asType(), TypeSupport.EMITTER)
            : Optional.empty();
    if (emitted.isEmpty()) {
      report.error(
          SignatureMessages.emitterParameter(
              stage.kind(), stage.name(), TypeSupport.text(emitter.asType())),
          emitter);
      return Optional.empty();
    }
    return Optional.of(
        new Signature(stage.method().getParameters().get(0).asType(), emitted.get(), null));
  }
}
