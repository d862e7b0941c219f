package dev.sluice.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.sluice.processor.model.GeneratedNames;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.TypeText;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks the pipeline class itself: that it is not generic, that the generated class in its package
 * can reach it, and that it can be instantiated when stage methods need an instance. Errors go on
 * the class.
 */
final class PipelineClassValidator {

  void validate(PipelineDeclaration pipeline, ValidationReport report) {
    TypeElement type = pipeline.type();
    ClassName name = ClassName.get(type);
    String className = TypeText.of(name);
    String generated = GeneratedNames.pipeline(name).simpleName();
    if (!type.getTypeParameters().isEmpty()) {
      report.error(
          ClassMessages.genericPipeline(className, typeParameters(type.getTypeParameters())), type);
      return;
    }
    TypeElement privateClass = privateClassEnclosing(type);
    if (privateClass != null) {
      report.error(
          ClassMessages.inaccessibleClass(
              className, TypeText.of(ClassName.get(privateClass)), generated),
          type);
      return;
    }
    List<String> instanceMethods =
        pipeline.stages().stream()
            // an abstract method (an @Input with no default) is never called: it needs no instance
            .filter(stage -> !stage.method().getModifiers().contains(Modifier.STATIC))
            .filter(stage -> !stage.method().getModifiers().contains(Modifier.ABSTRACT))
            .map(StageDeclaration::name)
            .distinct()
            .toList();
    if (instanceMethods.isEmpty()) {
      return;
    }
    List<String> abstractInputs =
        pipeline.stages().stream()
            .filter(stage -> stage.method().getModifiers().contains(Modifier.ABSTRACT))
            .map(StageDeclaration::name)
            .toList();
    if (type.getModifiers().contains(Modifier.ABSTRACT) || type.getKind().isInterface()) {
      report.error(
          abstractInputs.isEmpty()
              ? ClassMessages.abstractPipeline(className, instanceMethods, generated)
              : ClassMessages.abstractPipelineWithInputs(
                  className, instanceMethods, generated, abstractInputs),
          type);
    } else if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      report.error(ClassMessages.innerPipeline(className, instanceMethods, generated), type);
    } else if (!hasCallableNoArgConstructor(type)) {
      report.error(ClassMessages.noConstructor(className, instanceMethods, generated), type);
    }
  }

  /** Type parameters as declared: {@code <T>}. */
  static String typeParameters(List<? extends TypeParameterElement> parameters) {
    return "<"
        + String.join(
            ", ", parameters.stream().map(parameter -> parameter.getSimpleName()).toList())
        + ">";
  }

  /** The class itself or the innermost enclosing class that is private, or {@code null}. */
  private static TypeElement privateClassEnclosing(TypeElement type) {
    for (Element element = type;
        element instanceof TypeElement;
        element = element.getEnclosingElement()) {
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return (TypeElement) element;
      }
    }
    return null;
  }

  private static boolean hasCallableNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
