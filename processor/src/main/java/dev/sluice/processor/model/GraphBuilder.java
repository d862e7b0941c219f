package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
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
   * The graph of {@code pipeline}, with the record types and helper methods validation resolved for
   * each stage name, the batch interval it parsed and the codecs of the stateful stages' stores.
   */
  public PipelineGraph build(
      PipelineDeclaration pipeline,
      Map<String, StageTypes> resolved,
      Map<String, Map<Helper, ExecutableElement>> helpers,
      long batchIntervalMillis,
      Map<String, Encoding.Store> codecs) {
    List<Stage> stages = new ArrayList<>();
    for (StageDeclaration declaration : pipeline.stages()) {
      StageTypes types = resolved.get(declaration.name());
      if (types == null) {
        throw new IllegalStateException("no resolved types for stage " + declaration.name());
      }
      stages.add(stage(declaration, types, helpers.getOrDefault(declaration.name(), Map.of())));
    }
    return new PipelineGraph(
        ClassName.get(pipeline.type()),
        batchIntervalMillis,
        pipeline.generateMain(),
        stages,
        codecs);
  }

  private Stage stage(
      StageDeclaration declaration, StageTypes resolved, Map<Helper, ExecutableElement> helpers) {
    String name = declaration.name();
    StageKind kind = declaration.kind();
    UserMethod method = method(declaration.method());
    TypeName in = type(resolved.consumed());
    TypeName out = type(resolved.produced());
    TypeName key = type(resolved.key());
    TypeName value = type(resolved.value());
    int partitions = declaration.partitions();
    List<String> from = declaration.from();
    OperatorSpec spec =
        switch (kind) {
          case INPUT, OUTPUT, MAP, FILTER, FLAT_MAP, MAP_PARTITIONS -> OperatorSpec.NONE;
          case TRANSFORM -> new OperatorSpec.Transform(method.parameters().size() == 2);
          case REPARTITION -> new OperatorSpec.Repartition(partitions);
          case MAP_VALUES, FLAT_MAP_VALUES ->
              new OperatorSpec.Values(key, value, valueOfRecords(resolved));
          case STATE_SNAPSHOTS -> new OperatorSpec.Snapshots(key, value);
          case COUNT -> aggregate(countAll(), Optional.empty());
          case REDUCE -> aggregate(reduceAll(method), Optional.empty());
          case COUNT_BY_VALUE -> aggregate(countByValue(in, partitions), Optional.empty());
          case REDUCE_BY_KEY ->
              aggregate(
                  new ReduceSpec(key, value, method.returnType(), partitions), Optional.empty());
          case COMBINE_BY_KEY ->
              new OperatorSpec.Combine(
                  new ReduceSpec(key, method.returnType().box(), method.returnType(), partitions),
                  value,
                  method(helper(declaration, helpers, Helper.CREATE_COMBINER)),
                  method(helper(declaration, helpers, Helper.MERGE_VALUE)));
          case WINDOW -> new OperatorSpec.Window(windowing(declaration, helpers));
          case REDUCE_BY_KEY_AND_WINDOW ->
              aggregate(
                  new ReduceSpec(key, value, method.returnType(), partitions),
                  Optional.of(windowing(declaration, helpers)));
          case REDUCE_BY_WINDOW ->
              aggregate(reduceAll(method), Optional.of(windowing(declaration, helpers)));
          case COUNT_BY_WINDOW ->
              aggregate(countAll(), Optional.of(windowing(declaration, helpers)));
          case COUNT_BY_VALUE_AND_WINDOW ->
              aggregate(countByValue(in, partitions), Optional.of(windowing(declaration, helpers)));
          case GROUP_BY_KEY -> new OperatorSpec.Grouped(key, value, partitions, Optional.empty());
          case GROUP_BY_KEY_AND_WINDOW ->
              new OperatorSpec.Grouped(
                  key, value, partitions, Optional.of(windowing(declaration, helpers)));
          case UPDATE_STATE_BY_KEY ->
              new OperatorSpec.UpdateState(key, value, type(resolved.state()), partitions);
          case MAP_WITH_STATE ->
              new OperatorSpec.MapWithState(
                  key, value, type(resolved.state()), partitions, stateTimeout(declaration));
          case JOIN ->
              new OperatorSpec.Join(
                  key, value, type(resolved.right()), partitions, declaration.joinKind());
          case COGROUP -> new OperatorSpec.Cogroup(key, value, type(resolved.right()), partitions);
          case UNION -> throw new IllegalArgumentException("a union is not declared: " + name);
        };
    return Stage.of(name, kind, from, method, in, kind == StageKind.OUTPUT ? null : out, spec);
  }

  private static OperatorSpec aggregate(ReduceSpec reduce, Optional<Windowing> windowing) {
    return new OperatorSpec.Aggregate(reduce, windowing);
  }

  /** {@code U} of the {@code KV<K, U>} records a stage produces. */
  private static TypeName valueOfRecords(StageTypes resolved) {
    return TypeName.get(((DeclaredType) resolved.produced()).getTypeArguments().get(1));
  }

  /** The one entry a count combines into. */
  private static ReduceSpec countAll() {
    return new ReduceSpec(OBJECT, TypeName.LONG.box(), TypeName.LONG, 1);
  }

  /** The one entry a reduce of the whole batch combines into, over the method's type. */
  private static ReduceSpec reduceAll(UserMethod method) {
    return new ReduceSpec(OBJECT, method.returnType().box(), method.returnType(), 1);
  }

  /** A count per distinct record. */
  private static ReduceSpec countByValue(TypeName records, int partitions) {
    return new ReduceSpec(records.box(), TypeName.LONG.box(), TypeName.LONG, partitions);
  }

  /** The window a windowed stage declares, its durations and helpers as validation checked them. */
  private Windowing windowing(
      StageDeclaration declaration, Map<Helper, ExecutableElement> helpers) {
    DeclaredDuration slide = declaration.slide();
    return new Windowing(
        declaration.window().millis().orElseThrow(),
        slide.isEmpty() ? 0 : slide.millis().orElseThrow(),
        Optional.ofNullable(helpers.get(Helper.INVERSE)).map(this::method),
        Optional.ofNullable(helpers.get(Helper.FILTER)).map(this::method));
  }

  /** The timeout a {@code @MapWithState} stage declares, as validation checked it. */
  private static StateTimeout stateTimeout(StageDeclaration declaration) {
    DeclaredDuration timeout = declaration.timeout();
    return new StateTimeout(
        timeout.isEmpty() ? 0 : timeout.millis().orElseThrow(), declaration.fullScanBatches());
  }

  /** The {@code helper} method of a stage, which validation resolved. */
  private static ExecutableElement helper(
      StageDeclaration declaration, Map<Helper, ExecutableElement> helpers, Helper helper) {
    ExecutableElement method = helpers.get(helper);
    if (method == null) {
      throw new IllegalStateException(
          "no resolved " + helper.member() + " for stage " + declaration.name());
    }
    return method;
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
        throwsKind(method),
        method.getModifiers().contains(Modifier.ABSTRACT));
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
