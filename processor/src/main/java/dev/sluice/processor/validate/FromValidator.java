package dev.sluice.processor.validate;

import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each {@code from}: it names exactly one stage (unions come later), which exists and
 * produces records. Errors go on the {@code from} value.
 */
final class FromValidator {

  /** The stage each correctly wired stage reads, by stage name, in declaration order. */
  Map<String, String> validate(
      PipelineDeclaration pipeline, Set<StageDeclaration> duplicates, ValidationReport report) {
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> names = pipeline.stageNames();
    for (StageDeclaration stage : pipeline.stages()) {
      if (!stage.kind().readsStages() || duplicates.contains(stage)) {
        continue;
      }
      List<String> from = stage.from();
      if (from.isEmpty()) {
        report.error(
            ErrorMessages.missingFrom(stage.kind(), stage.name(), example(pipeline, stage)),
            stage.method(),
            stage.annotation(),
            stage.fromValue());
        continue;
      }
      if (from.size() > 1) {
        report.error(
            ErrorMessages.union(stage.annotationText(), stage.name(), from.size()),
            stage.method(),
            stage.annotation(),
            stage.fromValue());
        continue;
      }
      String source = from.get(0);
      Optional<StageDeclaration> read = pipeline.stage(source);
      if (read.isEmpty()) {
        List<String> candidates =
            pipeline.stages().stream()
                .filter(other -> other.kind().producesRecords() && other != stage)
                .map(StageDeclaration::name)
                .distinct()
                .toList();
        report.error(
            ErrorMessages.unknownFrom(
                stage.annotationText(),
                stage.name(),
                pipeline.name(),
                names,
                Suggestions.closest(source, candidates)),
            stage.method(),
            stage.annotation(),
            stage.fromValue());
      } else if (read.get().kind() == StageKind.OUTPUT) {
        report.error(
            ErrorMessages.readsOutput(stage.annotationText(), stage.name(), source),
            stage.method(),
            stage.annotation(),
            stage.fromValue());
      } else {
        sources.put(stage.name(), source);
      }
    }
    return sources;
  }

  /** A stage to show in the example: the nearest producing stage declared before this one. */
  private static String example(PipelineDeclaration pipeline, StageDeclaration stage) {
    String example = "stage";
    for (StageDeclaration other : pipeline.stages()) {
      if (other == stage) {
        break;
      }
      if (other.kind().producesRecords()) {
        example = other.name();
      }
    }
    return example;
  }
}
