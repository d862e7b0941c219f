package dev.sluice.processor.validate;

import dev.sluice.processor.model.BatchInterval;
import dev.sluice.processor.model.DeclaredDuration;
import dev.sluice.processor.model.Helper;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.type.TypeMirror;

/**
 * Checks what a windowed stage declares beyond its method: the window and slide (durations, and
 * multiples of the batch interval when {@code @Pipeline} fixes it, as Spark's {@code window}
 * requires), and the inverse function of an incremental reduce, which must line up with the reduce
 * function, and that a filter comes with an inverse. The filter method's key type depends on the
 * records read, so {@link TypeFlowValidator} resolves it.
 */
final class WindowValidator {

  private final TypeSupport types;
  private final PipelineDeclaration pipeline;
  private final HelperResolver helpers;
  private final OptionalLong interval;

  WindowValidator(TypeSupport types, PipelineDeclaration pipeline, HelperResolver helpers) {
    this.types = types;
    this.pipeline = pipeline;
    this.helpers = helpers;
    this.interval =
        pipeline.batchIntervalValue() == null
            ? OptionalLong.empty()
            : BatchInterval.parseMillis(pipeline.batchInterval());
  }

  /** Whether the windowed {@code stage} passed; reports its first problem if not. */
  boolean validate(StageDeclaration stage, ValidationReport report) {
    return duration(stage, stage.window(), report)
        && (stage.slide().isEmpty() || duration(stage, stage.slide(), report))
        && inverse(stage, report)
        && filter(stage, report);
  }

  private boolean duration(
      StageDeclaration stage, DeclaredDuration duration, ValidationReport report) {
    String member = duration.member();
    String text = duration.text();
    AnnotationValue value = duration.value();
    String annotation = stage.kind().annotation();
    OptionalLong millis = duration.millis();
    if (millis.isEmpty()) {
      report.error(
          WindowMessages.windowSyntax(annotation, member, text, stage.name()),
          stage.method(),
          stage.annotation(),
          value);
      return false;
    }
    if (interval.isPresent() && millis.getAsLong() % interval.getAsLong() != 0) {
      report.error(
          WindowMessages.windowMultiple(
              annotation, member, text, stage.name(), pipeline.batchInterval()),
          stage.method(),
          stage.annotation(),
          value);
      return false;
    }
    return true;
  }

  private boolean inverse(StageDeclaration stage, ValidationReport report) {
    String name = stage.helperName(Helper.INVERSE);
    if (name.isEmpty()) {
      return true;
    }
    TypeMirror function = stage.method().getReturnType();
    String type = TypeSupport.text(function);
    String form = HelperMessages.inverseForm(name, type);
    HelperResolver.Need need =
        new HelperResolver.Need(
            form,
            inverse ->
                inverse.getParameters().size() == 2
                    && types.isSame(inverse.getReturnType(), function)
                    && types.isSame(inverse.getParameters().get(0).asType(), function)
                    && types.isSame(inverse.getParameters().get(1).asType(), function),
            HelperMessages.windowFunctionMissing(
                stage.kind().annotation(), "inverse", name, stage.name(), form),
            inverse ->
                HelperMessages.inverseMismatch(
                    stage.name(), HelperResolver.describe(inverse), type, form));
    return helpers.resolve(stage, Helper.INVERSE, need, report).isPresent();
  }

  /**
   * A filter needs an inverse; the filter method itself, whose key type depends on the records
   * read, is resolved along the wiring by {@link TypeFlowValidator}.
   */
  private boolean filter(StageDeclaration stage, ValidationReport report) {
    String name = stage.helperName(Helper.FILTER);
    if (name.isEmpty() || stage.kind() != StageKind.REDUCE_BY_KEY_AND_WINDOW) {
      return true;
    }
    if (stage.helperName(Helper.INVERSE).isEmpty()) {
      report.error(
          HelperMessages.filterWithoutInverse(stage.name(), name),
          stage.method(),
          stage.annotation(),
          stage.helperValue(Helper.FILTER));
      return false;
    }
    return true;
  }
}
