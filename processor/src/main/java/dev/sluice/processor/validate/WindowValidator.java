package dev.sluice.processor.validate;

import dev.sluice.processor.model.BatchInterval;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks what a windowed stage declares beyond its method: the window and slide (durations, and
 * multiples of the batch interval when {@code @Pipeline} fixes it, as Spark's {@code window}
 * requires), and the inverse and filter functions of an incremental reduce, which must line up
 * with the reduce function. The filter's key type depends on the records read and is checked by
 * {@link TypeFlowValidator}.
 */
final class WindowValidator {

  private final TypeSupport types;
  private final PipelineDeclaration pipeline;
  private final OptionalLong interval;

  WindowValidator(TypeSupport types, PipelineDeclaration pipeline) {
    this.types = types;
    this.pipeline = pipeline;
    this.interval =
        pipeline.batchIntervalValue() == null
            ? OptionalLong.empty()
            : BatchInterval.parseMillis(pipeline.batchInterval());
  }

  /** Whether the windowed {@code stage} passed; reports its first problem if not. */
  boolean validate(StageDeclaration stage, ValidationReport report) {
    return duration(stage, "window", report)
        && (stage.stringMember("slide").isEmpty() || duration(stage, "slide", report))
        && inverse(stage, report)
        && filter(stage, report);
  }

  /** The non-private method {@code name} of the pipeline class, or {@code null}. */
  static ExecutableElement method(PipelineDeclaration pipeline, String name) {
    for (Element enclosed : pipeline.type().getEnclosedElements()) {
      if (enclosed.getKind() == ElementKind.METHOD
          && enclosed.getSimpleName().contentEquals(name)
          && !enclosed.getModifiers().contains(Modifier.PRIVATE)) {
        return (ExecutableElement) enclosed;
      }
    }
    return null;
  }

  private boolean duration(StageDeclaration stage, String member, ValidationReport report) {
    String text = stage.stringMember(member);
    AnnotationValue value = stage.members().get(member);
    String annotation = stage.kind().annotation();
    OptionalLong millis = BatchInterval.parseMillis(text);
    if (millis.isEmpty()) {
      report.error(
          ErrorMessages.windowSyntax(annotation, member, text, stage.name()),
          stage.method(),
          stage.annotation(),
          value);
      return false;
    }
    if (interval.isPresent() && millis.getAsLong() % interval.getAsLong() != 0) {
      report.error(
          ErrorMessages.windowMultiple(
              annotation, member, text, stage.name(), pipeline.batchInterval()),
          stage.method(),
          stage.annotation(),
          value);
      return false;
    }
    return true;
  }

  private boolean inverse(StageDeclaration stage, ValidationReport report) {
    String name = stage.stringMember("inverse");
    if (name.isEmpty()) {
      return true;
    }
    TypeMirror function = stage.method().getReturnType();
    String type = TypeSupport.text(function);
    String form = type + " " + name + "(" + type + " a, " + type + " b)";
    ExecutableElement inverse = method(pipeline, name);
    if (inverse == null) {
      report.error(
          ErrorMessages.windowFunctionMissing(
              stage.kind().annotation(), "inverse", name, stage.name(), form),
          stage.method(),
          stage.annotation(),
          stage.members().get("inverse"));
      return false;
    }
    boolean fits =
        inverse.getParameters().size() == 2
            && types.isSame(inverse.getReturnType(), function)
            && types.isSame(inverse.getParameters().get(0).asType(), function)
            && types.isSame(inverse.getParameters().get(1).asType(), function);
    if (!fits) {
      report.error(
          ErrorMessages.inverseMismatch(stage.name(), describe(inverse), type, form), inverse);
    }
    return fits;
  }

  private boolean filter(StageDeclaration stage, ValidationReport report) {
    String name = stage.stringMember("filter");
    if (name.isEmpty() || stage.kind() != StageKind.REDUCE_BY_KEY_AND_WINDOW) {
      return true;
    }
    if (stage.stringMember("inverse").isEmpty()) {
      report.error(
          ErrorMessages.filterWithoutInverse(stage.name(), name),
          stage.method(),
          stage.annotation(),
          stage.members().get("filter"));
      return false;
    }
    TypeMirror value = stage.method().getReturnType();
    String form = "boolean " + name + "(K key, " + TypeSupport.text(value) + " value)";
    ExecutableElement filter = method(pipeline, name);
    if (filter == null) {
      report.error(
          ErrorMessages.windowFunctionMissing(
              stage.kind().annotation(), "filter", name, stage.name(), form),
          stage.method(),
          stage.annotation(),
          stage.members().get("filter"));
      return false;
    }
    boolean fits =
        filter.getParameters().size() == 2
            && filter.getReturnType().getKind() == TypeKind.BOOLEAN
            && types.isSame(filter.getParameters().get(1).asType(), value);
    if (!fits) {
      report.error(ErrorMessages.filterMismatch(stage.name(), describe(filter), form), filter);
    }
    return fits;
  }

  private static String describe(ExecutableElement method) {
    return TypeSupport.text(method.getReturnType())
        + " "
        + method.getSimpleName()
        + method.getParameters().stream()
            .map(parameter -> TypeSupport.text(parameter.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
