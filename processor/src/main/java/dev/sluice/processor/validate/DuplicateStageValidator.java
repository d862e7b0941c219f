package dev.sluice.processor.validate;

import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks that stage names, which are method names, are unique: overloads cannot both be stages. The
 * error goes on each later declaration and names the first by its signature.
 */
final class DuplicateStageValidator {

  /** The later declarations of repeated names, which the wiring then ignores. */
  Set<StageDeclaration> validate(PipelineDeclaration pipeline, ValidationReport report) {
    Map<String, StageDeclaration> first = new LinkedHashMap<>();
    Set<StageDeclaration> duplicates = new HashSet<>();
    for (StageDeclaration stage : pipeline.stages()) {
      StageDeclaration earlier = first.putIfAbsent(stage.name(), stage);
      if (earlier != null) {
        duplicates.add(stage);
        report.error(
            ClassMessages.duplicateStage(
                stage.kind(),
                signature(stage.method()),
                stage.name(),
                earlier.kind(),
                signature(earlier.method())),
            stage.method());
      }
    }
    return duplicates;
  }

  private static String signature(ExecutableElement method) {
    return method.getParameters().stream()
        .map(parameter -> TypeSupport.text(parameter.asType()))
        .collect(Collectors.joining(", ", method.getSimpleName() + "(", ")"));
  }
}
