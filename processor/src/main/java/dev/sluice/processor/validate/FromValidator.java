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
 * Checks each {@code from} (and a join's {@code left} and {@code right}): it names at least one
 * stage, and every stage it names exists and produces records. Errors go on the value.
 */
final class FromValidator {

  /**
   * The stages each correctly wired stage reads, by stage name, in declaration order: one stage,
   * several read as a union, or a join's left and right.
   */
  Map<String, List<String>> validate(
      PipelineDeclaration pipeline, Set<StageDeclaration> duplicates, ValidationReport report) {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    List<String> names = pipeline.stageNames();
    for (StageDeclaration stage : pipeline.stages()) {
      if (!stage.kind().readsStages() || duplicates.contains(stage)) {
        continue;
      }
      List<String> from = stage.from();
      if (from.isEmpty()) {
        report.error(
            WiringMessages.missingFrom(stage.kind(), stage.name(), example(pipeline, stage)),
            stage.method(),
            stage.annotation(),
            stage.fromValue());
        continue;
      }
      boolean wired = true;
      for (int index = 0; index < from.size() && wired; index++) {
        wired = checkSource(pipeline, names, stage, index, report);
      }
      if (wired) {
        sources.put(stage.name(), from);
      }
    }
    return sources;
  }

  /** Whether {@code from} entry {@code index} names a stage that produces records. */
  private static boolean checkSource(
      PipelineDeclaration pipeline,
      List<String> names,
      StageDeclaration stage,
      int index,
      ValidationReport report) {
    String source = stage.from().get(index);
    Optional<StageDeclaration> read = pipeline.stage(source);
    if (read.isEmpty()) {
      List<String> candidates =
          pipeline.stages().stream()
              .filter(other -> other.kind().producesRecords() && other != stage)
              .map(StageDeclaration::name)
              .distinct()
              .toList();
      report.error(
          WiringMessages.unknownFrom(
              stage.annotationText(),
              stage.name(),
              pipeline.name(),
              names,
              Suggestions.closest(source, candidates)),
          stage.method(),
          stage.annotation(),
          stage.fromValue(index));
      return false;
    }
    if (read.get().kind() == StageKind.OUTPUT) {
      report.error(
          WiringMessages.readsOutput(stage.annotationText(), stage.name(), source),
          stage.method(),
          stage.annotation(),
          stage.fromValue(index));
      return false;
    }
    return true;
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
