package dev.sluice.processor.validate;

import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.StageTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.DeclaredType;
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
  private final Map<String, String> sources;
  private final Set<String> cyclic;
  private final Map<String, TypeMirror> produced = new HashMap<>();

  TypeFlowValidator(
      TypeSupport types,
      PipelineDeclaration pipeline,
      Map<String, Signature> signatures,
      Map<String, String> sources,
      Set<String> cyclic) {
    this.types = types;
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
      TypeMirror consumed = consumed(name);
      if (stage.kind().readsStages() && consumed == null) {
        continue;
      }
      switch (stage.kind()) {
        case INPUT -> resolved.put(name, new StageTypes(null, signature.produces(), null, null));
        case MAP, FILTER, FLAT_MAP -> {
          if (!types.isAssignable(consumed, signature.accepts())) {
            report.error(
                ErrorMessages.parameterMismatch(
                    name,
                    TypeSupport.text(signature.accepts()),
                    TypeSupport.text(consumed),
                    path(stage, ErrorMessages.takes(TypeSupport.text(signature.accepts())))),
                stage.method().getParameters().get(0));
          }
          resolved.put(name, new StageTypes(consumed, produced(name), null, null));
        }
        case REDUCE_BY_KEY -> checkReduce(stage, signature, consumed, report, resolved);
        case OUTPUT -> {
          if (!types.isAssignable(types.boxed(consumed), signature.accepts())) {
            String sink = "Sink<" + TypeSupport.text(signature.accepts()) + ">";
            report.error(
                ErrorMessages.sinkMismatch(
                    name,
                    sink,
                    TypeSupport.text(consumed),
                    path(stage, ErrorMessages.writes(sink))),
                stage.method());
          }
          resolved.put(name, new StageTypes(consumed, null, null, null));
        }
      }
    }
    return resolved;
  }

  private void checkReduce(
      StageDeclaration stage,
      Signature signature,
      TypeMirror consumed,
      ValidationReport report,
      Map<String, StageTypes> resolved) {
    String name = stage.name();
    List<? extends TypeMirror> keyValue = keyValue(consumed);
    if (keyValue == null) {
      report.error(
          ErrorMessages.reduceInput(
              stage.annotationText(), name, TypeSupport.text(consumed), path(stage, "")),
          stage.method(),
          stage.annotation(),
          stage.fromValue());
      return;
    }
    TypeMirror value = keyValue.get(1);
    TypeMirror function = signature.function();
    boolean matches =
        types.isSame(function, value)
            || (function.getKind().isPrimitive() && types.isSame(types.boxed(function), value));
    if (!matches) {
      List<String> forms = new ArrayList<>();
      types
          .unboxed(value)
          .ifPresent(
              primitive -> forms.add(ErrorMessages.reduceForm(name, TypeSupport.text(primitive))));
      forms.add(ErrorMessages.reduceForm(name, TypeSupport.text(value)));
      report.error(
          ErrorMessages.reduceFunctionMismatch(
              name, TypeSupport.text(function), TypeSupport.text(consumed), path(stage, ""), forms),
          stage.method());
    }
    resolved.put(name, new StageTypes(consumed, consumed, keyValue.get(0), value));
  }

  /** {@code [K, V]} if {@code type} is a {@code KV} of concrete types, otherwise {@code null}. */
  private static List<? extends TypeMirror> keyValue(TypeMirror type) {
    if (!TypeSupport.is(type, TypeSupport.KV)) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 2
            && TypeSupport.isConcrete(arguments.get(0))
            && TypeSupport.isConcrete(arguments.get(1))
        ? arguments
        : null;
  }

  /** What stage {@code name} reads, or {@code null} if unknown. */
  private TypeMirror consumed(String name) {
    String source = sources.get(name);
    return source == null || cyclic.contains(name) ? null : produced(source);
  }

  /** What stage {@code name} produces, or {@code null} if unknown. */
  private TypeMirror produced(String name) {
    if (produced.containsKey(name)) {
      return produced.get(name);
    }
    StageDeclaration stage = pipeline.stage(name).orElseThrow();
    Signature signature = signatures.get(name);
    TypeMirror type = null;
    if (signature != null && !cyclic.contains(name)) {
      type =
          switch (stage.kind()) {
            case INPUT, MAP, FLAT_MAP -> signature.produces();
            case FILTER -> consumed(name);
            case REDUCE_BY_KEY -> {
              TypeMirror consumed = consumed(name);
              yield consumed != null && keyValue(consumed) != null ? consumed : null;
            }
            case OUTPUT -> null;
          };
    }
    produced.put(name, type);
    return type;
  }

  /**
   * The path the records took to {@code stage}: the producing stage, any filters, then {@code
   * stage} and what it {@code accepts}.
   */
  private String path(StageDeclaration stage, String accepts) {
    List<String> steps = new ArrayList<>();
    String source = sources.get(stage.name());
    steps.add(ErrorMessages.readBy(stage.name(), stage.kind(), source, accepts));
    String at = source;
    while (pipeline.stage(at).orElseThrow().kind() == StageKind.FILTER) {
      steps.add(0, ErrorMessages.keptBy(at, TypeSupport.text(produced(at))));
      at = sources.get(at);
    }
    StageKind kind = pipeline.stage(at).orElseThrow().kind();
    steps.add(0, ErrorMessages.producedBy(at, kind, TypeSupport.text(produced(at))));
    return String.join(" -> ", steps);
  }
}
