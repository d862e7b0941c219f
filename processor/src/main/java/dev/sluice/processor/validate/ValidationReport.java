package dev.sluice.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The problems validators found in one pipeline, in the order they were found. Printed once, and
 * code is generated only from a report without errors, so users never see a follow-on error about a
 * missing generated class.
 */
public final class ValidationReport {

  /**
   * One message and where it points: the element, and within it the annotation and the value when
   * those are more specific (both may be {@code null}).
   */
  public record Problem(
      Diagnostic.Kind kind,
      String message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {}

  private final List<Problem> problems = new ArrayList<>();

  /** Adds an error on {@code element}. */
  public void error(String message, Element element) {
    add(Diagnostic.Kind.ERROR, message, element, null, null);
  }

  /** Adds an error on {@code annotation}, or on its {@code value} when not {@code null}. */
  public void error(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    add(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  /** Adds a warning on {@code element}. */
  public void warning(String message, Element element) {
    add(Diagnostic.Kind.WARNING, message, element, null, null);
  }

  /** Whether there is no error (warnings allowed). */
  public boolean isClean() {
    return problems.stream().noneMatch(problem -> problem.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints every problem through {@code messager}. */
  public void printTo(Messager messager) {
    for (Problem problem : problems) {
      if (problem.annotation() == null) {
        messager.printMessage(problem.kind(), problem.message(), problem.element());
      } else if (problem.value() == null) {
        messager.printMessage(
            problem.kind(), problem.message(), problem.element(), problem.annotation());
      } else {
        messager.printMessage(
            problem.kind(),
            problem.message(),
            problem.element(),
            problem.annotation(),
            problem.value());
      }
    }
  }

  private void add(
      Diagnostic.Kind kind,
      String message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {
    if (element == null) {
      throw new IllegalArgumentException("every message needs an element: " + message);
    }
    problems.add(new Problem(kind, message, element, annotation, value));
  }
}
