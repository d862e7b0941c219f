package dev.sluice.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Pipeline} class into a {@link PipelineDeclaration}. Annotation members are read
 * through {@link AnnotationMirror}s (never through reflection on the annotation types, which the
 * processor does not depend on), and every value keeps its mirror for messages.
 */
public final class DeclarationReader {

  /** The qualified name of {@code @Pipeline}. */
  public static final String PIPELINE_ANNOTATION = StageKind.ANNOTATION_PACKAGE + ".Pipeline";

  /** The qualified name of {@code @StateCodec}. */
  public static final String STATE_CODEC_ANNOTATION = StageKind.ANNOTATION_PACKAGE + ".StateCodec";

  private final Elements elements;

  /** A reader using the compiler's {@code elements}. */
  public DeclarationReader(Elements elements) {
    this.elements = elements;
  }

  /** Reads the pipeline class {@code type}, which carries {@code @Pipeline}. */
  public PipelineDeclaration read(TypeElement type) {
    AnnotationMirror pipeline = annotation(type, PIPELINE_ANNOTATION);
    if (pipeline == null) {
      throw new IllegalArgumentException(type + " has no @Pipeline");
    }
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(pipeline);
    AnnotationValue interval = member(values, "batchInterval");
    AnnotationValue generateMain = member(values, "generateMain");
    List<StageDeclaration> stages = new ArrayList<>();
    List<ExecutableElement> codecMethods = new ArrayList<>();
    for (Element enclosed : type.getEnclosedElements()) {
      if (enclosed.getKind() == ElementKind.METHOD) {
        StageDeclaration stage = readStage((ExecutableElement) enclosed);
        if (stage != null) {
          stages.add(stage);
        }
        if (annotation(enclosed, STATE_CODEC_ANNOTATION) != null) {
          codecMethods.add((ExecutableElement) enclosed);
        }
      }
    }
    return new PipelineDeclaration(
        type,
        pipeline,
        interval == null ? "1s" : String.valueOf(interval.getValue()),
        explicit(pipeline, "batchInterval"),
        generateMain == null || Boolean.TRUE.equals(generateMain.getValue()),
        stages,
        codecMethods);
  }

  /** The operator annotations on {@code method}, in source order. */
  public static List<OperatorAnnotation> operators(Element method) {
    List<OperatorAnnotation> operators = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = qualifiedName(mirror);
      StageKind.forAnnotationType(name)
          .ifPresent(kind -> operators.add(new OperatorAnnotation(kind, mirror)));
    }
    return operators;
  }

  /**
   * Whether every type in the stage methods' signatures is known. A type another processor will
   * generate in a later round is not yet; checking before it exists would report false errors.
   */
  public static boolean isComplete(PipelineDeclaration pipeline) {
    for (ExecutableElement codec : pipeline.codecMethods()) {
      if (hasError(codec.getReturnType())) {
        return false;
      }
    }
    for (StageDeclaration stage : pipeline.stages()) {
      ExecutableElement method = stage.method();
      if (hasError(method.getReturnType())) {
        return false;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (hasError(parameter.asType())) {
          return false;
        }
      }
      for (TypeMirror thrown : method.getThrownTypes()) {
        if (hasError(thrown)) {
          return false;
        }
      }
    }
    return true;
  }

  private StageDeclaration readStage(ExecutableElement method) {
    List<OperatorAnnotation> operators = operators(method);
    if (operators.isEmpty()) {
      return null;
    }
    AnnotationMirror first = operators.get(0).mirror();
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(first);
    List<String> from = new ArrayList<>();
    AnnotationValue fromValue = explicit(first, "from");
    if (fromValue != null && fromValue.getValue() instanceof List<?> names) {
      for (Object name : names) {
        from.add(String.valueOf(((AnnotationValue) name).getValue()));
      }
    }
    if (operators.get(0).kind().isBinary()) {
      for (String side : List.of("left", "right")) {
        AnnotationValue value = explicit(first, side);
        if (value != null) {
          from.add(String.valueOf(value.getValue()));
        }
      }
    }
    Map<String, AnnotationValue> members = new LinkedHashMap<>();
    values.forEach((member, value) -> members.put(member.getSimpleName().toString(), value));
    AnnotationValue partitions = member(values, "partitions");
    return new StageDeclaration(
        method,
        operators,
        from,
        fromValue,
        partitions != null && partitions.getValue() instanceof Integer count ? count : 0,
        explicit(first, "partitions"),
        members);
  }

  private static AnnotationMirror annotation(Element element, String type) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(type)) {
        return mirror;
      }
    }
    return null;
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The value of member {@code name} as written in {@code mirror}, or {@code null}. */
  private static AnnotationValue explicit(AnnotationMirror mirror, String name) {
    return member(mirror.getElementValues(), name);
  }

  private static AnnotationValue member(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static boolean hasError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(DeclarationReader::hasError);
    }
    if (type instanceof ArrayType array) {
      return hasError(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return (wildcard.getExtendsBound() != null && hasError(wildcard.getExtendsBound()))
          || (wildcard.getSuperBound() != null && hasError(wildcard.getSuperBound()));
    }
    return false;
  }
}
