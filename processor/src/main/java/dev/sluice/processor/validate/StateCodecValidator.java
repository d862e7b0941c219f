package dev.sluice.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Encoding;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks that snapshots can encode every stateful stage: the {@code @StateCodec} methods first
 * (static, not private, no parameters, a {@code Codec} of one concrete type, one per type), then
 * the keys and values of each stage's stores, resolved by {@link CodecResolver}. A type that cannot
 * be encoded is an error on the stage's method, naming the type and where it sits.
 */
final class StateCodecValidator {

  /** The raw {@code long} slots of windows over primitives: 8 bytes, whatever the primitive. */
  private static final Encoding RAW_LONG = Encoding.builtin(TypeName.LONG).orElseThrow();

  /** The key of a window over a whole batch, which is always {@code null}. */
  private static final Encoding NO_KEY = new Encoding.AlwaysNull(ClassName.OBJECT);

  private final TypeSupport types;
  private final PipelineDeclaration pipeline;

  StateCodecValidator(TypeSupport types, PipelineDeclaration pipeline) {
    this.types = types;
    this.pipeline = pipeline;
  }

  /**
   * The codecs of the stores of every stateful stage whose types were {@code resolved}, by stage
   * name; a stage with a type that cannot be encoded is reported and left out.
   */
  Map<String, Encoding.Store> validate(Map<String, StageTypes> resolved, ValidationReport report) {
    CodecResolver resolver = new CodecResolver(types, userCodecs(report));
    Map<String, Encoding.Store> codecs = new LinkedHashMap<>();
    for (StageDeclaration stage : pipeline.stages()) {
      StageTypes stageTypes = resolved.get(stage.name());
      if (stageTypes != null && (stage.kind().isStateful() || stage.kind().isWindowed())) {
        Stored stored = new Stored(stage, stageTypes, resolver, report);
        Encoding.Store store = stored.store();
        if (store != null) {
          codecs.put(stage.name(), store);
        }
      }
    }
    return codecs;
  }

  /** The stores of one stage: what their keys and values are, resolved in turn. */
  private final class Stored {
    private final StageDeclaration stage;
    private final StageTypes stageTypes;
    private final CodecResolver resolver;
    private final ValidationReport report;
    private boolean failed;

    Stored(
        StageDeclaration stage,
        StageTypes stageTypes,
        CodecResolver resolver,
        ValidationReport report) {
      this.stage = stage;
      this.stageTypes = stageTypes;
      this.resolver = resolver;
      this.report = report;
    }

    /**
     * The codecs of the stage's stores, which hold what its store types in the writers hold, or
     * {@code null} after an error.
     */
    Encoding.Store store() {
      boolean primitive = stage.method().getReturnType().getKind().isPrimitive();
      TypeMirror records = stageTypes.consumed();
      Encoding.Store store =
          switch (stage.kind()) {
            case UPDATE_STATE_BY_KEY, MAP_WITH_STATE ->
                new Encoding.Store(
                    encode("keys", stageTypes.key()), encode("state", stageTypes.state()));
            case WINDOW ->
                new Encoding.Store(null, encode("windowed records", stageTypes.produced()));
            case GROUP_BY_KEY_AND_WINDOW ->
                new Encoding.Store(
                    encode("keys", stageTypes.key()), encode("window values", stageTypes.value()));
            case REDUCE_BY_KEY_AND_WINDOW ->
                new Encoding.Store(
                    encode("keys", stageTypes.key()),
                    primitive ? RAW_LONG : encode("window values", stageTypes.value()));
            case REDUCE_BY_WINDOW ->
                new Encoding.Store(
                    NO_KEY,
                    primitive ? RAW_LONG : encode("window values", stage.method().getReturnType()));
            case COUNT_BY_WINDOW -> new Encoding.Store(NO_KEY, RAW_LONG);
            case COUNT_BY_VALUE_AND_WINDOW -> new Encoding.Store(encode("keys", records), RAW_LONG);
            case INPUT,
                MAP,
                FILTER,
                FLAT_MAP,
                MAP_PARTITIONS,
                MAP_VALUES,
                FLAT_MAP_VALUES,
                TRANSFORM,
                REPARTITION,
                COUNT,
                COUNT_BY_VALUE,
                REDUCE,
                REDUCE_BY_KEY,
                COMBINE_BY_KEY,
                GROUP_BY_KEY,
                JOIN,
                COGROUP,
                STATE_SNAPSHOTS,
                OUTPUT,
                UNION ->
                throw new IllegalArgumentException(stage.name() + " keeps no store");
          };
      return failed ? null : store;
    }

    /** The encoding of {@code type}, what the stores keep as {@code role}; reports if none. */
    private Encoding encode(String role, TypeMirror type) {
      if (failed) {
        return RAW_LONG;
      }
      CodecResolver.Result result = resolver.resolve(type);
      result
          .unencodable()
          .ifPresent(
              unencodable -> {
                failed = true;
                String typeText = TypeSupport.text(types.boxed(type));
                String culprit = TypeSupport.text(unencodable.type());
                report.error(
                    unencodable.inaccessible()
                        ? StateMessages.inaccessible(
                            stage.kind(),
                            stage.name(),
                            role,
                            typeText,
                            unencodable.where(),
                            culprit)
                        : StateMessages.unencodable(
                            stage.kind(),
                            stage.name(),
                            role,
                            typeText,
                            unencodable.where(),
                            culprit,
                            unencodable.alternative()),
                    stage.method());
              });
      return result.encoding().orElse(RAW_LONG);
    }
  }

  /**
   * The {@code @StateCodec} methods whose return type names the type they encode, reporting every
   * rule they break (a codec with an error is still used, so that its stages get no second error).
   */
  private List<CodecResolver.UserCodec> userCodecs(ValidationReport report) {
    List<CodecResolver.UserCodec> codecs = new ArrayList<>();
    for (ExecutableElement method : pipeline.codecMethods()) {
      String name = method.getSimpleName().toString();
      if (method.getModifiers().contains(Modifier.PRIVATE)) {
        report.error(StateMessages.codecPrivate(name), method);
      }
      if (!method.getModifiers().contains(Modifier.STATIC)) {
        report.error(StateMessages.codecNotStatic(name), method);
      }
      if (!method.getParameters().isEmpty()) {
        report.error(
            StateMessages.codecParameters(
                name,
                method.getParameters().stream()
                    .map(parameter -> TypeSupport.text(parameter.asType()))
                    .collect(Collectors.joining(", "))),
            method);
      }
      TypeMirror returned = method.getReturnType();
      List<? extends TypeMirror> arguments =
          TypeSupport.is(returned, TypeSupport.CODEC)
              ? ((DeclaredType) returned).getTypeArguments()
              : List.of();
      if (arguments.size() != 1 || !TypeSupport.isConcrete(arguments.get(0))) {
        report.error(StateMessages.codecReturnType(name, TypeSupport.text(returned)), method);
        continue;
      }
      TypeMirror type = arguments.get(0);
      CodecResolver.UserCodec first =
          codecs.stream()
              .filter(codec -> types.isSame(codec.type(), type))
              .findFirst()
              .orElse(null);
      if (first != null) {
        report.error(
            StateMessages.codecDuplicate(name, TypeSupport.text(type), first.method()), method);
        continue;
      }
      codecs.add(new CodecResolver.UserCodec(type, name));
    }
    return codecs;
  }
}
