package dev.sluice.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.sluice.processor.model.GeneratedNames;
import dev.sluice.processor.model.OperatorAnnotation;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Checks what every stage method needs whatever its operator: exactly one operator annotation, no
 * type parameters, visibility to the generated class, and a body unless it is an {@code @Input}.
 * Reports at most one problem per method, on the method, so that one mistake gives one error.
 */
final class StageMethodValidator {

  /** Whether the method passed; if not, its signature is not checked further. */
  boolean validate(StageDeclaration stage, ValidationReport report) {
    ExecutableElement method = stage.method();
    if (stage.operators().size() > 1) {
      report.error(
          ClassMessages.severalOperators(
              stage.name(), stage.operators().stream().map(OperatorAnnotation::kind).toList()),
          method,
          stage.operators().get(1).mirror(),
          null);
      return false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.error(
          ClassMessages.typeParameters(
              stage.kind(),
              stage.name(),
              PipelineClassValidator.typeParameters(method.getTypeParameters())),
          method);
      return false;
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      ClassName pipeline = ClassName.get((TypeElement) method.getEnclosingElement());
      report.error(
          ClassMessages.privateMethod(
              stage.kind(), stage.name(), GeneratedNames.pipeline(pipeline).simpleName()),
          method);
      return false;
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT) && stage.kind() != StageKind.INPUT) {
      report.error(ClassMessages.abstractStage(stage.kind(), stage.name()), method);
      return false;
    }
    return true;
  }
}
