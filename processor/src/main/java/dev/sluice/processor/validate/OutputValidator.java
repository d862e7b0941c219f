package dev.sluice.processor.validate;

import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.Wiring;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the outputs: a pipeline without {@code @Output} is an error on the class (as in Spark,
 * nothing would run), and once everything else is clean, each stage no output reads gets a warning,
 * since it is never computed.
 */
final class OutputValidator {

  /** Reports a missing {@code @Output}. */
  void requireOutput(
      PipelineDeclaration pipeline, Map<String, List<String>> sources, ValidationReport report) {
    if (pipeline.stages().stream().anyMatch(stage -> stage.kind() == StageKind.OUTPUT)) {
      return;
    }
    Wiring wiring = CycleValidator.wiring(pipeline, sources);
    // Suggest the last stage nothing reads: usually the result the pipeline was written for.
    String example = pipeline.stages().isEmpty() ? "stage" : pipeline.stageNames().get(0);
    for (String name : pipeline.stageNames()) {
      if (wiring.readers(name).isEmpty()) {
        example = name;
      }
    }
    report.error(ClassMessages.noOutput(pipeline.name(), example), pipeline.type());
  }

  /** Warns about every stage that no output reads, directly or through other stages. */
  void warnDeadStages(
      PipelineDeclaration pipeline, Map<String, List<String>> sources, ValidationReport report) {
    Wiring wiring = CycleValidator.wiring(pipeline, sources);
    Set<String> live =
        wiring.feeding(
            pipeline.stages().stream()
                .filter(stage -> stage.kind() == StageKind.OUTPUT)
                .map(StageDeclaration::name)
                .toList());
    for (StageDeclaration stage : pipeline.stages()) {
      if (!live.contains(stage.name())) {
        report.warning(ClassMessages.deadStage(stage.kind(), stage.name()), stage.method());
      }
    }
  }
}
