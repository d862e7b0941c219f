package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/** {@code @Input}: {@code Source<T> name()}. */
final class InputSignature implements SignatureRule {

  private final TypeSupport types;

  InputSignature(TypeSupport types) {
    this.types = types;
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 0, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    Optional<TypeMirror> record = types.recordTypeOf(returned, TypeSupport.SOURCE);
    if (record.isEmpty()) {
      report.error(
          ErrorMessages.sourceType(stage.name(), TypeSupport.text(returned)), stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(null, record.get(), null));
  }
}
