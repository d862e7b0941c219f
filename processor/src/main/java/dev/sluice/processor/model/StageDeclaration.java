package dev.sluice.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * A stage method as written, before any check: the method, its operator annotations, and the
 * annotation values that messages point at. Read by {@link DeclarationReader}.
 *
 * @param method the annotated method
 * @param operators every operator annotation on it, in source order; never empty
 * @param from the names in {@code from} of the first annotation (empty for {@code @Input})
 * @param fromValue the {@code from} value as written, or {@code null} if there is none
 * @param partitions {@code @ReduceByKey(partitions)}, otherwise 0
 * @param partitionsValue the {@code partitions} value as written, or {@code null}
 * @param members every member of the first annotation with its value, defaults included
 */
public record StageDeclaration(
    ExecutableElement method,
    List<OperatorAnnotation> operators,
    List<String> from,
    AnnotationValue fromValue,
    int partitions,
    AnnotationValue partitionsValue,
    Map<String, AnnotationValue> members) {

  /** Copies the lists. */
  public StageDeclaration {
    operators = List.copyOf(operators);
    from = List.copyOf(from);
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    if (operators.isEmpty()) {
      throw new IllegalArgumentException("a stage needs an operator annotation");
    }
  }

  /** The stage name: the method's simple name. */
  public String name() {
    return method.getSimpleName().toString();
  }

  /** The operator of the first annotation. */
  public StageKind kind() {
    return operators.get(0).kind();
  }

  /** The first operator annotation. */
  public AnnotationMirror annotation() {
    return operators.get(0).mirror();
  }

  /**
   * The value to point at for the stage read at {@code index} of {@link #from()}: the {@code from}
   * array, or for a join or cogroup its {@code left} or {@code right} value.
   */
  public AnnotationValue fromValue(int index) {
    return kind().isBinary() ? members.get(index == 0 ? "left" : "right") : fromValue;
  }

  /**
   * The value of member {@code name} as a string ({@code ""} if absent): names and enum constants.
   */
  public String stringMember(String name) {
    AnnotationValue value = members.get(name);
    return value == null ? "" : value.getValue().toString();
  }

  /** The name of the {@code helper} method the annotation gives, {@code ""} if none. */
  public String helperName(Helper helper) {
    return stringMember(helper.member());
  }

  /** The annotation value naming the {@code helper} method, for messages. */
  public AnnotationValue helperValue(Helper helper) {
    return members.get(helper.member());
  }

  /** The {@code window} of a windowed stage. */
  public DeclaredDuration window() {
    return duration("window");
  }

  /** The {@code slide} of a windowed stage; empty when it slides every batch. */
  public DeclaredDuration slide() {
    return duration("slide");
  }

  /** The {@code timeout} of a {@code @MapWithState} stage; empty for none. */
  public DeclaredDuration timeout() {
    return duration("timeout");
  }

  /** The duration member {@code member}, for the members above and messages naming them. */
  public DeclaredDuration duration(String member) {
    return new DeclaredDuration(member, stringMember(member), members.get(member));
  }

  /** {@code @MapWithState(fullScanBatches)}. */
  public int fullScanBatches() {
    return Integer.parseInt(stringMember("fullScanBatches"));
  }

  /** The annotation value of {@code @MapWithState(fullScanBatches)}, for messages. */
  public AnnotationValue fullScanBatchesValue() {
    return members.get("fullScanBatches");
  }

  /** The kind of a {@code @Join}. */
  public JoinKind joinKind() {
    return JoinKind.valueOf(stringMember("kind"));
  }

  /** The annotation with its {@code from} as written: {@code @Map(from = "lines")}. */
  public String annotationText() {
    if (!kind().readsStages()) {
      return kind().annotation();
    }
    if (kind().isBinary()) {
      return kind().annotation()
          + "(left = "
          + quote(stringMember("left"))
          + ", right = "
          + quote(stringMember("right"))
          + ")";
    }
    String names =
        from.size() == 1
            ? quote(from.get(0))
            : from.stream()
                .map(StageDeclaration::quote)
                .toList()
                .toString()
                .replace('[', '{')
                .replace(']', '}');
    return kind().annotation() + "(from = " + names + ")";
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
