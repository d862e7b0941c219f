package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/** {@code @Output}: {@code Sink<S> name()}. */
final class OutputSignature implements SignatureRule {

  private final TypeSupport types;

  OutputSignature(TypeSupport types) {
    this.types = types;
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 0, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    Optional<TypeMirror> record = types.recordTypeOf(returned, TypeSupport.SINK);
    if (record.isEmpty()) {
      report.error(
          ErrorMessages.sinkType(stage.name(), TypeSupport.text(returned)), stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(record.get(), null, null));
  }
}
