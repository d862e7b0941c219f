package dev.sluice.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Pipeline} class as written, before any check. Read by {@link DeclarationReader}.
 *
 * @param type the annotated class
 * @param annotation its {@code @Pipeline}
 * @param batchInterval {@code batchInterval} as written (or its default)
 * @param batchIntervalValue the {@code batchInterval} value, or {@code null} when defaulted
 * @param generateMain {@code generateMain}
 * @param stages the methods carrying an operator annotation, in source order
 * @param codecMethods the methods carrying {@code @StateCodec}, in source order
 */
public record PipelineDeclaration(
    TypeElement type,
    AnnotationMirror annotation,
    String batchInterval,
    AnnotationValue batchIntervalValue,
    boolean generateMain,
    List<StageDeclaration> stages,
    List<ExecutableElement> codecMethods) {

  /** Copies the lists. */
  public PipelineDeclaration {
    stages = List.copyOf(stages);
    codecMethods = List.copyOf(codecMethods);
  }

  /** The pipeline's name: the simple name of the class. */
  public String name() {
    return type.getSimpleName().toString();
  }

  /** The first stage declared with {@code name}. */
  public Optional<StageDeclaration> stage(String name) {
    return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
  }

  /** The distinct stage names in declaration order. */
  public List<String> stageNames() {
    return stages.stream().map(StageDeclaration::name).distinct().toList();
  }
}
