package dev.sluice.processor.validate;

import dev.sluice.processor.model.Helper;
import dev.sluice.processor.model.JoinKind;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.StageTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Follows the records along the wiring: resolves what each stage reads and produces, and checks
 * that every stage can take what it reads. A mismatch names the path the type took, from the stage
 * that produced it through any {@code @Filter}s to the stage that cannot take it. Stages whose
 * signature or wiring already failed are skipped, so one mistake is reported once.
 */
final class TypeFlowValidator {

  private final TypeSupport types;
  private final PipelineDeclaration pipeline;
  private final Map<String, Signature> signatures;
  private final Map<String, List<String>> sources;
  private final Set<String> cyclic;
  private final HelperResolver helpers;
  private final Map<String, Optional<TypeMirror>> produced = new HashMap<>();

  TypeFlowValidator(
      TypeSupport types,
      PipelineDeclaration pipeline,
      Map<String, Signature> signatures,
      Map<String, List<String>> sources,
      Set<String> cyclic,
      HelperResolver helpers) {
    this.types = types;
    this.helpers = helpers;
    this.pipeline = pipeline;
    this.signatures = signatures;
    this.sources = sources;
    this.cyclic = cyclic;
  }

  /** The resolved types of every stage that could be resolved, by name. */
  Map<String, StageTypes> validate(ValidationReport report) {
    Map<String, StageTypes> resolved = new LinkedHashMap<>();
    for (String name : pipeline.stageNames()) {
      StageDeclaration stage = pipeline.stage(name).orElseThrow();
      Signature signature = signatures.get(name);
      if (signature == null) {
        continue;
      }
      if (stage.kind() == StageKind.INPUT) {
        resolved.put(name, StageTypes.of(null, signature.produces()));
        continue;
      }
      if (!stage.kind().isBinary() && stage.from().size() > 1 && !sameTypes(stage, report)) {
        continue;
      }
      TypeMirror consumed = consumed(name);
      if (consumed == null) {
        continue;
      }
      StageTypes types = check(stage, signature, consumed, report);
      if (types != null) {
        resolved.put(name, types);
      }
    }
    return resolved;
  }

  /** Checks one stage that reads {@code consumed}; its types, or {@code null} after an error. */
  private StageTypes check(
      StageDeclaration stage, Signature signature, TypeMirror consumed, ValidationReport report) {
    String name = stage.name();
    List<? extends VariableElement> parameters = stage.method().getParameters();
    return switch (stage.kind()) {
      case MAP,
          FILTER,
          FLAT_MAP,
          REPARTITION,
          COUNT_BY_VALUE,
          WINDOW,
          COUNT_BY_VALUE_AND_WINDOW -> {
        if (!types.isAssignable(consumed, signature.accepts())) {
          report.error(
              TypeMessages.parameterMismatch(
                  name,
                  TypeSupport.text(signature.accepts()),
                  TypeSupport.text(consumed),
                  path(stage, 0, TypeMessages.takes(TypeSupport.text(signature.accepts())))),
              parameters.get(0));
          yield null;
        }
        yield StageTypes.of(consumed, produced(name).orElse(null));
      }
      case MAP_PARTITIONS, TRANSFORM -> {
        TypeMirror list = types.declared(TypeSupport.LIST, consumed);
        if (!types.isAssignable(list, parameters.get(0).asType())) {
          yield mismatch(stage, TypeSupport.text(consumed), expected(stage, consumed), report);
        }
        yield StageTypes.of(consumed, produced(name).orElse(null));
      }
      case COUNT, COUNT_BY_WINDOW -> {
        yield StageTypes.of(consumed, produced(name).orElse(null));
      }
      case STATE_SNAPSHOTS -> {
        yield checkSnapshots(stage, consumed, report);
      }
      case REDUCE, REDUCE_BY_WINDOW -> {
        yield checkReduce(stage, signature, consumed, consumed, report)
            ? StageTypes.of(consumed, consumed)
            : null;
      }
      case OUTPUT -> {
        if (!types.isAssignable(types.boxed(consumed), signature.accepts())) {
          String sink = "Sink<" + TypeSupport.text(signature.accepts()) + ">";
          report.error(
              TypeMessages.sinkMismatch(
                  name,
                  sink,
                  TypeSupport.text(consumed),
                  path(stage, 0, TypeMessages.writes(sink))),
              stage.method());
          yield null;
        }
        yield StageTypes.of(consumed, null);
      }
      case MAP_VALUES,
          FLAT_MAP_VALUES,
          REDUCE_BY_KEY,
          COMBINE_BY_KEY,
          GROUP_BY_KEY,
          JOIN,
          COGROUP,
          REDUCE_BY_KEY_AND_WINDOW,
          GROUP_BY_KEY_AND_WINDOW,
          UPDATE_STATE_BY_KEY,
          MAP_WITH_STATE ->
          checkKeyed(stage, signature, consumed, report);
      case INPUT, UNION -> throw new IllegalArgumentException(stage.kind() + " reads no records");
    };
  }

  /** Checks a keyed operator, whose records must be {@code KV<K, V>}. */
  private StageTypes checkKeyed(
      StageDeclaration stage, Signature signature, TypeMirror consumed, ValidationReport report) {
    String name = stage.name();
    List<? extends TypeMirror> keyValue = keyValueOf(stage, 0, consumed, report);
    if (keyValue == null) {
      return null;
    }
    TypeMirror key = keyValue.get(0);
    TypeMirror value = keyValue.get(1);
    List<? extends VariableElement> parameters = stage.method().getParameters();
    return switch (stage.kind()) {
      case REDUCE_BY_KEY, REDUCE_BY_KEY_AND_WINDOW -> {
        yield checkReduce(stage, signature, value, consumed, report)
                && checkFilter(stage, key, report)
            ? new StageTypes(consumed, consumed, key, value, null)
            : null;
      }
      case MAP_VALUES, FLAT_MAP_VALUES -> {
        if (!types.isAssignable(value, parameters.get(0).asType())) {
          yield mismatch(stage, TypeSupport.text(consumed), expected(stage, key, value), report);
        }
        yield new StageTypes(consumed, produced(name).orElse(null), key, value, null);
      }
      case UPDATE_STATE_BY_KEY -> {
        if (!accepts(parameters, types.declared(TypeSupport.LIST, value))) {
          yield mismatch(stage, TypeSupport.text(consumed), expected(stage, key, value), report);
        }
        // the function's Optional<S> is the state
        yield new StageTypes(
            consumed, produced(name).orElse(null), key, value, null, signature.produces());
      }
      case MAP_WITH_STATE -> {
        if (!accepts(parameters, key, types.declared(TypeSupport.OPTIONAL, value))) {
          yield mismatch(stage, TypeSupport.text(consumed), expected(stage, key, value), report);
        }
        yield new StageTypes(
            consumed,
            produced(name).orElse(null),
            key,
            value,
            null,
            MapWithStateSignature.stateOf(stage));
      }
      case GROUP_BY_KEY, GROUP_BY_KEY_AND_WINDOW -> {
        if (!accepts(parameters, key, types.declared(TypeSupport.LIST, value))) {
          yield mismatch(stage, TypeSupport.text(consumed), expected(stage, key, value), report);
        }
        yield new StageTypes(consumed, produced(name).orElse(null), key, value, null);
      }
      case COMBINE_BY_KEY -> {
        yield checkCombine(stage, consumed, key, value, report)
            ? new StageTypes(consumed, produced(name).orElse(null), key, value, null)
            : null;
      }
      case JOIN, COGROUP -> {
        TypeMirror rightRecords = produced(stage.from().get(1)).orElse(null);
        if (rightRecords == null) {
          yield null;
        }
        List<? extends TypeMirror> right = keyValueOf(stage, 1, rightRecords, report);
        if (right == null) {
          yield null;
        }
        if (!types.isSame(types.boxed(key), types.boxed(right.get(0)))) {
          report.error(
              WiringMessages.joinKeys(
                  stage.annotationText(),
                  name,
                  producer(stage.from().get(0)),
                  producer(stage.from().get(1))),
              stage.method(),
              stage.annotation(),
              null);
          yield null;
        }
        TypeMirror rightValue = right.get(1);
        if (!accepts(parameters, key, side(stage, value, true), side(stage, rightValue, false))) {
          yield mismatch(
              stage,
              TypeSupport.text(consumed) + " and " + TypeSupport.text(rightRecords),
              expected(stage, key, value, rightValue),
              report);
        }
        yield new StageTypes(consumed, produced(name).orElse(null), key, value, rightValue);
      }
      case INPUT,
          MAP,
          FILTER,
          FLAT_MAP,
          MAP_PARTITIONS,
          TRANSFORM,
          REPARTITION,
          COUNT,
          COUNT_BY_VALUE,
          REDUCE,
          WINDOW,
          REDUCE_BY_WINDOW,
          COUNT_BY_WINDOW,
          COUNT_BY_VALUE_AND_WINDOW,
          STATE_SNAPSHOTS,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException(stage.kind() + " is not keyed");
    };
  }

  /**
   * Checks a snapshot stage: it reads exactly one {@code @MapWithState} stage and takes that
   * stage's keys and states. Its types carry the key and state as key and value.
   */
  private StageTypes checkSnapshots(
      StageDeclaration stage, TypeMirror consumed, ValidationReport report) {
    List<String> read = stage.from();
    StageDeclaration source = read.size() == 1 ? pipeline.stage(read.get(0)).orElse(null) : null;
    if (source == null || source.kind() != StageKind.MAP_WITH_STATE) {
      report.error(
          StateMessages.snapshotSource(
              stage.annotationText(),
              stage.name(),
              read.stream().distinct().map(this::producer).toList()),
          stage.method(),
          stage.annotation(),
          stage.fromValue(0));
      return null;
    }
    TypeMirror records = consumed(source.name());
    List<? extends TypeMirror> keyValue = records == null ? null : TypeSupport.keyValue(records);
    TypeMirror state = MapWithStateSignature.stateOf(source);
    if (keyValue == null || state == null) {
      return null;
    }
    TypeMirror key = keyValue.get(0);
    if (!accepts(stage.method().getParameters(), key, state)) {
      return mismatch(
          stage,
          "the keys and states of "
              + source.name()
              + ", "
              + TypeSupport.text(types.boxed(key))
              + " and "
              + TypeSupport.text(state),
          expected(stage, key, state),
          report);
    }
    return new StageTypes(consumed, produced(stage.name()).orElse(null), key, state, null);
  }

  /** What a join or cogroup passes for one side's values. */
  private TypeMirror side(StageDeclaration stage, TypeMirror value, boolean left) {
    if (stage.kind() == StageKind.COGROUP) {
      return types.declared(TypeSupport.LIST, value);
    }
    return stage.joinKind().optional(left) ? types.declared(TypeSupport.OPTIONAL, value) : value;
  }

  /** Whether each parameter can take the corresponding type. */
  private boolean accepts(List<? extends VariableElement> parameters, TypeMirror... passed) {
    for (int i = 0; i < passed.length; i++) {
      if (!types.isAssignable(passed[i], parameters.get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  private StageTypes mismatch(
      StageDeclaration stage, String read, String expected, ValidationReport report) {
    String actual =
        stage.method().getParameters().stream()
            .map(parameter -> TypeSupport.text(parameter.asType()))
            .collect(Collectors.joining(", "));
    report.error(
        TypeMessages.operatorMismatch(
            stage.kind(), stage.name(), actual, read, path(stage, 0, ""), expected),
        stage.method());
    return null;
  }

  /** The method the stage should declare for the types it reads, for messages. */
  private String expected(StageDeclaration stage, TypeMirror... read) {
    String name = stage.name();
    List<String> text = new ArrayList<>();
    for (TypeMirror type : read) {
      text.add(TypeSupport.text(types.boxed(type)));
    }
    return TypeMessages.typedForm(
        stage.kind(),
        name,
        text,
        stage.method().getParameters().size() == 2,
        stage.kind() == StageKind.JOIN ? stage.joinKind() : JoinKind.INNER);
  }

  /** Checks a reduce function over {@code value}s; reports and returns false if it does not fit. */
  private boolean checkReduce(
      StageDeclaration stage,
      Signature signature,
      TypeMirror value,
      TypeMirror consumed,
      ValidationReport report) {
    String name = stage.name();
    TypeMirror function = signature.function();
    boolean matches =
        types.isSame(function, value) || types.isSame(types.boxed(function), types.boxed(value));
    if (!matches) {
      List<String> forms = new ArrayList<>();
      TypeMirror boxed = types.boxed(value);
      types
          .unboxed(boxed)
          .ifPresent(
              primitive -> forms.add(TypeMessages.reduceForm(name, TypeSupport.text(primitive))));
      forms.add(TypeMessages.reduceForm(name, TypeSupport.text(boxed)));
      report.error(
          TypeMessages.reduceFunctionMismatch(
              stage.kind(),
              name,
              TypeSupport.text(function),
              TypeSupport.text(consumed),
              path(stage, 0, ""),
              forms),
          stage.method());
    }
    return matches;
  }

  /**
   * Resolves the filter of a windowed reduce by key, now that its key type is known: {@code boolean
   * filter(K key, V value)} over the keys read and the reduce function's values.
   */
  private boolean checkFilter(StageDeclaration stage, TypeMirror key, ValidationReport report) {
    String filterName = stage.helperName(Helper.FILTER);
    if (stage.kind() != StageKind.REDUCE_BY_KEY_AND_WINDOW || filterName.isEmpty()) {
      return true;
    }
    TypeMirror value = stage.method().getReturnType();
    String form =
        HelperMessages.filterForm(
            filterName, TypeSupport.text(types.boxed(key)), TypeSupport.text(value));
    HelperResolver.Need need =
        new HelperResolver.Need(
            form,
            filter ->
                filter.getParameters().size() == 2
                    && filter.getReturnType().getKind() == TypeKind.BOOLEAN
                    && types.isAssignable(key, filter.getParameters().get(0).asType())
                    && types.isSame(filter.getParameters().get(1).asType(), value),
            HelperMessages.windowFunctionMissing(
                stage.kind().annotation(), "filter", filterName, stage.name(), form),
            filter ->
                HelperMessages.filterMismatch(stage.name(), HelperResolver.describe(filter), form));
    return helpers.resolve(stage, Helper.FILTER, need, report).isPresent();
  }

  /** Checks a combine's three functions over {@code KV<K, V>}. */
  private boolean checkCombine(
      StageDeclaration stage,
      TypeMirror consumed,
      TypeMirror key,
      TypeMirror value,
      ValidationReport report) {
    TypeMirror combiner = stage.method().getReturnType();
    String combinerText = TypeSupport.text(combiner);
    String valueText = TypeSupport.text(types.boxed(value));
    String createName = stage.helperName(Helper.CREATE_COMBINER);
    String mergeName = stage.helperName(Helper.MERGE_VALUE);
    String createForm = HelperMessages.createCombinerForm(createName, valueText);
    String mergeForm = HelperMessages.mergeValueForm(mergeName, valueText);
    String forms = HelperMessages.combineForms(createForm, mergeForm, stage.name());
    String with = HelperMessages.withCombine(combinerText, stage.name());
    Function<ExecutableElement, String> mismatch =
        method ->
            HelperMessages.combineMismatch(
                stage.name(),
                HelperResolver.describe(method) + with,
                TypeSupport.text(consumed),
                path(stage, 0, ""),
                forms);
    HelperResolver.Need create =
        new HelperResolver.Need(
            createForm,
            method ->
                method.getParameters().size() == 1
                    && types.isSame(method.getReturnType(), combiner)
                    && types.isAssignable(value, method.getParameters().get(0).asType()),
            HelperMessages.combineMissing(stage.name(), "createCombiner", createName, createForm),
            mismatch);
    HelperResolver.Need merge =
        new HelperResolver.Need(
            mergeForm,
            method ->
                method.getParameters().size() == 2
                    && types.isSame(method.getReturnType(), combiner)
                    && types.isSame(method.getParameters().get(0).asType(), combiner)
                    && types.isAssignable(value, method.getParameters().get(1).asType()),
            HelperMessages.combineMissing(stage.name(), "mergeValue", mergeName, mergeForm),
            mismatch);
    return helpers.resolve(stage, Helper.CREATE_COMBINER, create, report).isPresent()
        && helpers.resolve(stage, Helper.MERGE_VALUE, merge, report).isPresent();
  }

  /** {@code [K, V]} of side {@code index}'s records, or {@code null} after reporting. */
  private List<? extends TypeMirror> keyValueOf(
      StageDeclaration stage, int index, TypeMirror records, ValidationReport report) {
    List<? extends TypeMirror> keyValue = TypeSupport.keyValue(records);
    if (keyValue == null) {
      report.error(
          TypeMessages.keyedInput(
              stage.annotationText(),
              stage.name(),
              TypeSupport.text(records),
              path(stage, index, "")),
          stage.method(),
          stage.annotation(),
          stage.fromValue(index));
    }
    return keyValue;
  }

  /** Whether the stages a union reads produce one type; reports if not. */
  private boolean sameTypes(StageDeclaration stage, ValidationReport report) {
    List<TypeMirror> read = new ArrayList<>();
    for (String source : sources.getOrDefault(stage.name(), List.of())) {
      Optional<TypeMirror> type = produced(source);
      if (type.isEmpty()) {
        return false;
      }
      read.add(types.boxed(type.get()));
    }
    for (TypeMirror type : read) {
      if (!types.isSame(type, read.get(0))) {
        report.error(
            WiringMessages.unionTypes(
                stage.annotationText(),
                stage.name(),
                stage.from().stream().distinct().map(this::producer).toList()),
            stage.method(),
            stage.annotation(),
            stage.fromValue(0));
        return false;
      }
    }
    return true;
  }

  /** What stage {@code name} reads (its left side for a join), or {@code null} if unknown. */
  private TypeMirror consumed(String name) {
    List<String> read = sources.get(name);
    if (read == null || cyclic.contains(name)) {
      return null;
    }
    TypeMirror first = null;
    for (String source : read) {
      Optional<TypeMirror> type = produced(source);
      if (type.isEmpty()) {
        return null;
      }
      if (first == null) {
        first = type.get();
      } else if (!types.isSame(types.boxed(first), types.boxed(type.get()))) {
        return null;
      }
      if (pipeline.stage(name).orElseThrow().kind().isBinary()) {
        break;
      }
    }
    // a union of stages that differ only in boxing reads the boxed type
    return read.size() > 1 && first != null ? unionType(read, first) : first;
  }

  private TypeMirror unionType(List<String> read, TypeMirror first) {
    for (String source : read) {
      if (!types.isSame(produced(source).orElseThrow(), first)) {
        return types.boxed(first);
      }
    }
    return first;
  }

  /** What stage {@code name} produces, if known. */
  private Optional<TypeMirror> produced(String name) {
    if (produced.containsKey(name)) {
      return produced.get(name);
    }
    produced.put(name, Optional.empty()); // guards against cycles while computing
    StageDeclaration stage = pipeline.stage(name).orElseThrow();
    Signature signature = signatures.get(name);
    TypeMirror type = null;
    if (signature != null && !cyclic.contains(name)) {
      type =
          switch (stage.kind()) {
            case INPUT,
                MAP,
                FLAT_MAP,
                MAP_PARTITIONS,
                TRANSFORM,
                REPARTITION,
                COUNT,
                COUNT_BY_VALUE,
                GROUP_BY_KEY,
                JOIN,
                COGROUP,
                WINDOW,
                COUNT_BY_WINDOW,
                COUNT_BY_VALUE_AND_WINDOW,
                GROUP_BY_KEY_AND_WINDOW,
                MAP_WITH_STATE,
                STATE_SNAPSHOTS ->
                signature.produces();
            case FILTER, REDUCE, REDUCE_BY_WINDOW -> consumed(name);
            case REDUCE_BY_KEY, REDUCE_BY_KEY_AND_WINDOW -> {
              TypeMirror consumed = consumed(name);
              yield consumed != null && TypeSupport.keyValue(consumed) != null ? consumed : null;
            }
            case MAP_VALUES, FLAT_MAP_VALUES, COMBINE_BY_KEY, UPDATE_STATE_BY_KEY ->
                keyed(name, stage, signature);
            case OUTPUT, UNION -> null;
          };
    }
    produced.put(name, Optional.ofNullable(type));
    return Optional.ofNullable(type);
  }

  /** {@code KV<K, U>} for a stage producing values {@code U} under the keys it reads. */
  private TypeMirror keyed(String name, StageDeclaration stage, Signature signature) {
    TypeMirror consumed = consumed(name);
    List<? extends TypeMirror> keyValue = consumed == null ? null : TypeSupport.keyValue(consumed);
    if (keyValue == null) {
      return null;
    }
    TypeMirror value =
        stage.kind() == StageKind.COMBINE_BY_KEY
            ? stage.method().getReturnType()
            : signature.produces();
    return value.getKind() == TypeKind.VOID
        ? null
        : types.declared(TypeSupport.KV, keyValue.get(0), value);
  }

  /** {@code stage (@Kind) produces T}, for messages. */
  private String producer(String name) {
    StageKind kind = pipeline.stage(name).orElseThrow().kind();
    return TypeMessages.producedBy(name, kind, produced(name).map(TypeSupport::text).orElse("?"));
  }

  /**
   * The path the records took to {@code stage} through its {@code index}-th source: the producing
   * stage, any filters, then {@code stage} and what it {@code accepts}.
   */
  private String path(StageDeclaration stage, int index, String accepts) {
    List<String> steps = new ArrayList<>();
    String source = stage.from().get(index);
    steps.add(
        TypeMessages.readBy(
            stage.name(), stage.kind(), sourceLabel(stage, index), source, accepts));
    String at = source;
    while (pipeline.stage(at).orElseThrow().kind() == StageKind.FILTER
        && sources.get(at) != null
        && sources.get(at).size() == 1) {
      steps.add(0, TypeMessages.keptBy(at, produced(at).map(TypeSupport::text).orElse("?")));
      at = sources.get(at).get(0);
    }
    steps.add(0, producer(at));
    return String.join(" -> ", steps);
  }

  private static String sourceLabel(StageDeclaration stage, int index) {
    return stage.kind().isBinary() ? (index == 0 ? "left" : "right") : "from";
  }
}
