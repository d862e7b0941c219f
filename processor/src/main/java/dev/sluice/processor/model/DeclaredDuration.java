package dev.sluice.processor.model;

import java.util.OptionalLong;
import javax.lang.model.element.AnnotationValue;

/**
 * A duration an operator annotation declares ({@code window}, {@code slide}, {@code timeout}), as
 * written, with its value for messages and its milliseconds in the duration grammar.
 *
 * @param member the annotation member, such as {@code window}
 * @param text the value as written, {@code ""} when the member is left empty
 * @param value the annotation value, for messages to point at
 */
public record DeclaredDuration(String member, String text, AnnotationValue value) {

  /** Whether the annotation leaves the duration empty. */
  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** The duration in milliseconds, or empty if it is not a positive duration of the grammar. */
  public OptionalLong millis() {
    return BatchInterval.parseMillis(text);
  }
}
