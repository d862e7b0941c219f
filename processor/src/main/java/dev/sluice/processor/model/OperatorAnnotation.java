package dev.sluice.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * One operator annotation found on a method, with its mirror so that messages can point at it.
 *
 * @param kind the operator it declares
 * @param mirror the annotation as written
 */
public record OperatorAnnotation(StageKind kind, AnnotationMirror mirror) {}
