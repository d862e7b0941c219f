package dev.sluice.processor.validate;

import dev.sluice.processor.model.JoinKind;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The shape of the per-batch and keyed operators' methods that does not depend on what they read:
 * the number of parameters, the return type, the parameters whose type the operator fixes (a {@code
 * long} count, a {@code List}, an {@code Optional} outer side). Whether the other types match the
 * records read is checked along the wiring by {@link TypeFlowValidator}.
 */
final class OperatorSignature implements SignatureRule {

  private final TypeSupport types;

  OperatorSignature(TypeSupport types) {
    this.types = types;
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    StageKind kind = stage.kind();
    List<? extends VariableElement> parameters = stage.method().getParameters();
    int arity =
        switch (kind) {
          case MAP_VALUES, REPARTITION, COUNT, COUNT_BY_WINDOW -> 1;
          case COUNT_BY_VALUE, GROUP_BY_KEY, COUNT_BY_VALUE_AND_WINDOW, GROUP_BY_KEY_AND_WINDOW ->
              2;
          case JOIN, COGROUP -> 3;
          case TRANSFORM -> parameters.size() == 2 ? 2 : 1;
          case INPUT,
              MAP,
              FILTER,
              FLAT_MAP,
              FLAT_MAP_VALUES,
              MAP_PARTITIONS,
              REDUCE,
              REDUCE_BY_KEY,
              COMBINE_BY_KEY,
              WINDOW,
              REDUCE_BY_KEY_AND_WINDOW,
              REDUCE_BY_WINDOW,
              UPDATE_STATE_BY_KEY,
              MAP_WITH_STATE,
              STATE_SNAPSHOTS,
              OUTPUT,
              UNION ->
              throw new IllegalArgumentException(kind + " has a signature rule of its own");
        };
    if (!SignatureRule.hasArity(stage, arity, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    TypeMirror produced = returned;
    if (kind == StageKind.TRANSFORM) {
      produced = types.recordTypeOf(returned, TypeSupport.LIST).orElse(null);
      if (produced == null || !TypeSupport.is(returned, TypeSupport.LIST)) {
        return returnType(stage, returned, report);
      }
    } else if (returned.getKind() == TypeKind.VOID) {
      return returnType(stage, returned, report);
    }
    String form = SignatureMessages.form(kind, stage.name());
    boolean fixed =
        switch (kind) {
          case COUNT, COUNT_BY_WINDOW -> isLong(stage, 0, form, report);
          case COUNT_BY_VALUE, COUNT_BY_VALUE_AND_WINDOW -> isLong(stage, 1, form, report);
          case TRANSFORM ->
              isList(stage, 0, form, report) && (arity == 1 || isLong(stage, 1, form, report));
          case GROUP_BY_KEY, GROUP_BY_KEY_AND_WINDOW -> isList(stage, 1, form, report);
          case COGROUP -> isList(stage, 1, form, report) && isList(stage, 2, form, report);
          case JOIN -> optionalSides(stage, form, report);
          case MAP_VALUES, REPARTITION -> true;
          case INPUT,
              MAP,
              FILTER,
              FLAT_MAP,
              FLAT_MAP_VALUES,
              MAP_PARTITIONS,
              REDUCE,
              REDUCE_BY_KEY,
              COMBINE_BY_KEY,
              WINDOW,
              REDUCE_BY_KEY_AND_WINDOW,
              REDUCE_BY_WINDOW,
              UPDATE_STATE_BY_KEY,
              MAP_WITH_STATE,
              STATE_SNAPSHOTS,
              OUTPUT,
              UNION ->
              throw new IllegalArgumentException(kind + " has a signature rule of its own");
        };
    if (!fixed) {
      return Optional.empty();
    }
    TypeMirror accepts =
        kind == StageKind.REPARTITION
                || kind == StageKind.COUNT_BY_VALUE
                || kind == StageKind.COUNT_BY_VALUE_AND_WINDOW
            ? parameters.get(0).asType()
            : null;
    return Optional.of(new Signature(accepts, produced, null));
  }

  private static Optional<Signature> returnType(
      StageDeclaration stage, TypeMirror returned, ValidationReport report) {
    report.error(
        SignatureMessages.returnType(stage.kind(), stage.name(), TypeSupport.text(returned)),
        stage.method());
    return Optional.empty();
  }

  private boolean isLong(StageDeclaration stage, int index, String form, ValidationReport report) {
    return fixedType(
        stage,
        index,
        "long",
        stage.method().getParameters().get(index).asType().getKind() == TypeKind.LONG,
        form,
        report);
  }

  private boolean isList(StageDeclaration stage, int index, String form, ValidationReport report) {
    TypeMirror type = stage.method().getParameters().get(index).asType();
    boolean list =
        TypeSupport.is(type, TypeSupport.LIST)
            && ((DeclaredType) type).getTypeArguments().size() == 1;
    return fixedType(stage, index, "a List of its values", list, form, report);
  }

  private boolean optionalSides(StageDeclaration stage, String form, ValidationReport report) {
    JoinKind joinKind = stage.joinKind();
    return optionalSide(stage, 1, joinKind, report) && optionalSide(stage, 2, joinKind, report);
  }

  /** An outer side must be an {@code Optional}; an inner side must not be. */
  private boolean optionalSide(
      StageDeclaration stage, int index, JoinKind joinKind, ValidationReport report) {
    boolean optional = joinKind.optional(index == 1);
    TypeMirror type = stage.method().getParameters().get(index).asType();
    boolean isOptional =
        TypeSupport.is(type, TypeSupport.OPTIONAL)
            && ((DeclaredType) type).getTypeArguments().size() == 1;
    if (isOptional == optional) {
      return true;
    }
    String side = index == 1 ? "left" : "right";
    String required =
        optional
            ? "an Optional of the " + side + " value, absent in a " + joinKind + " join"
            : "the " + side + " value itself, present in a " + joinKind + " join";
    report.error(
        SignatureMessages.parameterType(
            stage.kind(),
            stage.name(),
            index + 1,
            TypeSupport.text(type),
            required,
            SignatureMessages.joinForm(stage.name(), joinKind, "K", "V", "W")),
        stage.method().getParameters().get(index));
    return false;
  }

  private static boolean fixedType(
      StageDeclaration stage,
      int index,
      String required,
      boolean ok,
      String form,
      ValidationReport report) {
    if (ok) {
      return true;
    }
    VariableElement parameter = stage.method().getParameters().get(index);
    report.error(
        SignatureMessages.parameterType(
            stage.kind(),
            stage.name(),
            index + 1,
            TypeSupport.text(parameter.asType()),
            required,
            form),
        parameter);
    return false;
  }
}
