package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** {@code @Filter}: {@code boolean name(T record)}; the stage produces what it reads. */
final class FilterSignature implements SignatureRule {

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 1, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    if (returned.getKind() != TypeKind.BOOLEAN) {
      report.error(
          SignatureMessages.returnType(stage.kind(), stage.name(), TypeSupport.text(returned)),
          stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(stage.method().getParameters().get(0).asType(), null, null));
  }
}
