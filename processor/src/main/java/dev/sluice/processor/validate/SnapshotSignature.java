package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @StateSnapshots}: {@code R name(K key, S state)}, {@code R} not {@code void}. That it
 * reads one {@code @MapWithState} stage, and that {@code K} and {@code S} are that stage's, is
 * checked along the wiring by {@link TypeFlowValidator}.
 */
final class SnapshotSignature implements SignatureRule {

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!SignatureRule.hasArity(stage, 2, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    if (returned.getKind() == TypeKind.VOID) {
      report.error(
          SignatureMessages.returnType(stage.kind(), stage.name(), TypeSupport.text(returned)),
          stage.method());
      return Optional.empty();
    }
    return Optional.of(new Signature(null, returned, null));
  }
}
