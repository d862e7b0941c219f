package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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

  /** The key of the one entry a count or reduce combines into. */
  private static final TypeName OBJECT = ClassName.OBJECT;

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
      stages.add(stage(pipeline, declaration, types));
    }
    return new PipelineGraph(
        ClassName.get(pipeline.type()), batchIntervalMillis, pipeline.generateMain(), stages);
  }

  private Stage stage(
      PipelineDeclaration pipeline, StageDeclaration declaration, StageTypes resolved) {
    String name = declaration.name();
    StageKind kind = declaration.kind();
    UserMethod method = method(declaration.method());
    TypeName in = type(resolved.consumed());
    TypeName out = type(resolved.produced());
    TypeName key = type(resolved.key());
    TypeName value = type(resolved.value());
    int partitions = declaration.partitions();
    List<String> from = declaration.from();
    if (kind == StageKind.INPUT) {
      return Stage.input(name, method, out);
    }
    Parts parts = switch (kind) {
      case INPUT -> throw new AssertionError("handled above");
      case OUTPUT, MAP, FILTER, FLAT_MAP, MAP_PARTITIONS -> new Parts(null, OperatorSpec.NONE);
      case TRANSFORM ->
          new Parts(null, new OperatorSpec(null, null, null, 1, null, null, null,
              method.parameters().size() == 2, null, null));
      case REPARTITION -> new Parts(null, OperatorSpec.keyed(null, null, partitions));
      case MAP_VALUES, FLAT_MAP_VALUES, STATE_SNAPSHOTS ->
          new Parts(null, OperatorSpec.keyed(key, value, 0));
      case COUNT ->
          new Parts(new ReduceSpec(OBJECT, TypeName.LONG.box(), TypeName.LONG, 1),
              OperatorSpec.NONE);
      case REDUCE ->
          new Parts(new ReduceSpec(OBJECT, method.returnType().box(), method.returnType(), 1),
              OperatorSpec.NONE);
      case COUNT_BY_VALUE ->
          new Parts(new ReduceSpec(in.box(), TypeName.LONG.box(), TypeName.LONG, partitions),
              OperatorSpec.keyed(in.box(), null, partitions));
      case REDUCE_BY_KEY ->
          new Parts(new ReduceSpec(key, value, method.returnType(), partitions),
              OperatorSpec.keyed(key, value, partitions));
      case COMBINE_BY_KEY ->
          new Parts(
              new ReduceSpec(key, method.returnType().box(), method.returnType(), partitions),
              new OperatorSpec(key, value, null, partitions, null,
                  method(helper(pipeline, declaration.stringMember("createCombiner"))),
                  method(helper(pipeline, declaration.stringMember("mergeValue"))),
                  false, null, null));
      case WINDOW ->
          new Parts(null, new OperatorSpec(null, null, null, 1, null, null, null, false,
              windowing(declaration, pipeline), null));
      case REDUCE_BY_KEY_AND_WINDOW ->
          new Parts(new ReduceSpec(key, value, method.returnType(), partitions),
              OperatorSpec.keyed(key, value, partitions)
                  .withWindowing(windowing(declaration, pipeline)));
      case REDUCE_BY_WINDOW ->
          new Parts(new ReduceSpec(OBJECT, method.returnType().box(), method.returnType(), 1),
              OperatorSpec.NONE.withWindowing(windowing(declaration, pipeline)));
      case COUNT_BY_WINDOW ->
          new Parts(new ReduceSpec(OBJECT, TypeName.LONG.box(), TypeName.LONG, 1),
              OperatorSpec.NONE.withWindowing(windowing(declaration, pipeline)));
      case COUNT_BY_VALUE_AND_WINDOW ->
          new Parts(new ReduceSpec(in.box(), TypeName.LONG.box(), TypeName.LONG, partitions),
              OperatorSpec.keyed(in.box(), null, partitions)
                  .withWindowing(windowing(declaration, pipeline)));
      case GROUP_BY_KEY_AND_WINDOW ->
          new Parts(null, OperatorSpec.keyed(key, value, partitions)
              .withWindowing(windowing(declaration, pipeline)));
      case UPDATE_STATE_BY_KEY, GROUP_BY_KEY ->
          new Parts(null, OperatorSpec.keyed(key, value, partitions));
      case MAP_WITH_STATE ->
          new Parts(null, OperatorSpec.keyed(key, value, partitions)
              .withStateTimeout(stateTimeout(declaration)));
      case JOIN, COGROUP ->
          new Parts(null, OperatorSpec.binary(key, value, type(resolved.right()), partitions,
              kind == StageKind.JOIN ? declaration.stringMember("kind") : null));
      case UNION -> throw new IllegalArgumentException("a union is not declared: " + name);
    };
    TypeName produced = kind == StageKind.OUTPUT ? null : out;
    return Stage.of(name, kind, from, method, in, produced, parts.reduce(), parts.spec());
  }

  /** What a stage kind adds to the common fields: its reduce, if any, and its operator spec. */
  private record Parts(ReduceSpec reduce, OperatorSpec spec) {}

  /** The window a windowed stage declares, its durations as validation checked them. */
  private Windowing windowing(StageDeclaration declaration, PipelineDeclaration pipeline) {
    String slide = declaration.stringMember("slide");
    String inverse = declaration.stringMember("inverse");
    String filter = declaration.stringMember("filter");
    return new Windowing(
        BatchInterval.parseMillis(declaration.stringMember("window")).orElseThrow(),
        slide.isEmpty() ? 0 : BatchInterval.parseMillis(slide).orElseThrow(),
        inverse.isEmpty() ? null : method(helper(pipeline, inverse)),
        filter.isEmpty() ? null : method(helper(pipeline, filter)));
  }

  /** The timeout a {@code @MapWithState} stage declares, as validation checked it. */
  private static StateTimeout stateTimeout(StageDeclaration declaration) {
    String timeout = declaration.stringMember("timeout");
    return new StateTimeout(
        timeout.isEmpty() ? 0 : BatchInterval.parseMillis(timeout).orElseThrow(),
        Integer.parseInt(declaration.stringMember("fullScanBatches")));
  }

  /** The method called {@code name} of the pipeline class, which validation found. */
  private static ExecutableElement helper(PipelineDeclaration pipeline, String name) {
    for (Element enclosed : pipeline.type().getEnclosedElements()) {
      if (enclosed.getKind() == ElementKind.METHOD && enclosed.getSimpleName().contentEquals(name)) {
        return (ExecutableElement) enclosed;
      }
    }
    throw new IllegalStateException("no method " + name + " in " + pipeline.name());
  }

  private static TypeName type(TypeMirror type) {
    return type == null ? null : TypeName.get(type);
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
