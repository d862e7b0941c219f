package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** {@code @Map}: {@code R name(T record)}, {@code R} not {@code void}. */
final class MapSignature implements SignatureRule {

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 1, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    if (returned.getKind() == TypeKind.VOID) {
      report.error(
          SignatureMessages.returnType(stage.kind(), stage.name(), TypeSupport.text(returned)),
          stage.method());
      return Optional.empty();
    }
    return Optional.of(
        new Signature(stage.method().getParameters().get(0).asType(), returned, null));
  }
}
