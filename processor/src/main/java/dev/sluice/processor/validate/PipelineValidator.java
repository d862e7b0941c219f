package dev.sluice.processor.validate;

import dev.sluice.processor.model.Encoding;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Runs every validator over one pipeline, in an order that keeps one mistake to one message: the
 * class, the batch interval, each method and its signature, unique names, each {@code from},
 * cycles, the presence of an output, then the types along the wiring (skipping what already
 * failed), the codecs of stateful stages' types, and, only when all of that is clean, warnings
 * about dead stages.
 */
public final class PipelineValidator {

  private final TypeSupport types;

  /** A validator using the compiler's {@code types} and {@code elements}. */
  public PipelineValidator(Types types, Elements elements) {
    this.types = new TypeSupport(types, elements);
  }

  /** Validates {@code pipeline}. */
  public Validation validate(PipelineDeclaration pipeline) {
    ValidationReport report = new ValidationReport();
    new PipelineClassValidator().validate(pipeline, report);
    OptionalLong interval = new BatchIntervalValidator().validate(pipeline, report);

    Set<StageDeclaration> duplicates = new DuplicateStageValidator().validate(pipeline, report);
    StageMethodValidator methods = new StageMethodValidator();
    PartitionsValidator partitions = new PartitionsValidator();
    HelperResolver helpers = new HelperResolver(pipeline);
    WindowValidator windows = new WindowValidator(types, pipeline, helpers);
    Map<String, Signature> signatures = new LinkedHashMap<>();
    for (StageDeclaration stage : pipeline.stages()) {
      if (methods.validate(stage, report)
          && !duplicates.contains(stage)
          && partitions.validate(stage, report)) {
        SignatureRule.forKind(stage.kind(), types)
            .check(stage, report)
            .filter(signature -> !stage.kind().isWindowed() || windows.validate(stage, report))
            .ifPresent(signature -> signatures.put(stage.name(), signature));
      }
    }

    Map<String, List<String>> sources = new FromValidator().validate(pipeline, duplicates, report);
    Set<String> cyclic = new CycleValidator().validate(pipeline, sources, report);
    OutputValidator outputs = new OutputValidator();
    outputs.requireOutput(pipeline, sources, report);
    Map<String, StageTypes> resolved =
        new TypeFlowValidator(types, pipeline, signatures, sources, cyclic, helpers)
            .validate(report);
    Map<String, Encoding.Store> codecs =
        new StateCodecValidator(types, pipeline).validate(resolved, report);
    if (report.isClean()) {
      new SlideValidator(pipeline, sources, interval).validate(cyclic, report);
    }
    if (report.isClean()) {
      outputs.warnDeadStages(pipeline, sources, report);
    }
    return new Validation(report, resolved, helpers.resolved(), interval.orElse(0), codecs);
  }
}
