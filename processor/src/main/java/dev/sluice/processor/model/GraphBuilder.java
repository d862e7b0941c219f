package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a pipeline that passed validation into the plain {@link PipelineGraph} the planner and
 * writers use. It trusts validation: called on a declaration with errors it may throw.
 */
public final class GraphBuilder {

  private final Types types;
  private final TypeMirror runtimeException;
  private final TypeMirror error;
  private final TypeMirror exception;

  /** A builder using the compiler's {@code types} and {@code elements}. */
  public GraphBuilder(Types types, Elements elements) {
    this.types = types;
    this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    this.error = elements.getTypeElement("java.lang.Error").asType();
    this.exception = elements.getTypeElement("java.lang.Exception").asType();
  }

  /**
   * The graph of {@code pipeline}, with the record types validation resolved for each stage name
   * and the batch interval it parsed.
   */
  public PipelineGraph build(
      PipelineDeclaration pipeline, Map<String, StageTypes> resolved, long batchIntervalMillis) {
    List<Stage> stages = new ArrayList<>();
    for (StageDeclaration declaration : pipeline.stages()) {
      StageTypes types = resolved.get(declaration.name());
      if (types == null) {
        throw new IllegalStateException("no resolved types for stage " + declaration.name());
      }
      stages.add(stage(declaration, types));
    }
    return new PipelineGraph(
        ClassName.get(pipeline.type()), batchIntervalMillis, pipeline.generateMain(), stages);
  }

  private Stage stage(StageDeclaration declaration, StageTypes resolved) {
    String name = declaration.name();
    UserMethod method = method(declaration.method());
    return switch (declaration.kind()) {
      case INPUT -> Stage.input(name, method, TypeName.get(resolved.produced()));
      case MAP, FILTER, FLAT_MAP ->
          Stage.narrow(
              name,
              declaration.kind(),
              declaration.from().get(0),
              method,
              TypeName.get(resolved.consumed()),
              TypeName.get(resolved.produced()));
      case REDUCE_BY_KEY ->
          Stage.reduceByKey(
              name,
              declaration.from().get(0),
              method,
              TypeName.get(resolved.consumed()),
              new ReduceSpec(
                  TypeName.get(resolved.key()),
                  TypeName.get(resolved.value()),
                  method.returnType(),
                  declaration.partitions()));
      case OUTPUT ->
          Stage.output(name, declaration.from().get(0), method, TypeName.get(resolved.consumed()));
    };
  }

  private UserMethod method(ExecutableElement method) {
    List<TypeName> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(TypeName.get(parameter.asType()));
    }
    return new UserMethod(
        method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC),
        parameters,
        TypeName.get(method.getReturnType()),
        throwsKind(method));
  }

  private Throws throwsKind(ExecutableElement method) {
    Throws kind = Throws.UNCHECKED;
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (types.isSubtype(thrown, runtimeException) || types.isSubtype(thrown, error)) {
        continue;
      }
      if (!types.isSubtype(thrown, exception)) {
        return Throws.THROWABLE;
      }
      kind = Throws.EXCEPTION;
    }
    return kind;
  }
}
