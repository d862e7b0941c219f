package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.UserMethod;
import dev.sluice.processor.model.ValueKind;
import dev.sluice.processor.model.Windowing;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the members behind one windowed stage: the field holding its window spec (computed by the
 * builder from the batch interval it runs with), the field holding one window store per task of its
 * segment, and the methods through which the stores call the user's reduce, inverse and filter
 * functions once per key and batch (the per-record path stays in the segment's loop). Primitive
 * functions use the {@code long} stores, so values stay unboxed.
 */
final class WindowWriter {

  /** Stores start with room for this many keys per batch and grow once. */
  private static final int EXPECTED_KEYS = 16;

  private final ProgramNames names;
  private final UserCalls calls;

  WindowWriter(ProgramNames names, UserCalls calls) {
    this.names = names;
    this.calls = calls;
  }

  /**
   * Whether {@code stage} keeps its window incrementally (inverse stores): a reduce with an
   * inverse, and the counts Spark builds on one.
   */
  static boolean incremental(Stage stage) {
    return counts(stage) || stage.windowing().incremental();
  }

  /** The type of one task's store. */
  static TypeName storeType(Stage stage) {
    return switch (stage.kind().family()) {
      case WINDOW ->
          ParameterizedTypeName.get(RuntimeTypes.RECORD_WINDOW_SLOTS, stage.outputType().box());
      case GROUP -> {
        OperatorSpec.Grouped spec = stage.spec(OperatorSpec.Grouped.class);
        yield ParameterizedTypeName.get(
            RuntimeTypes.GROUP_WINDOW_SLOTS, spec.key(), spec.value().box());
      }
      case AGGREGATE -> {
        ReduceSpec reduce = stage.reduce();
        boolean primitive = reduce.valueKind().isPrimitive();
        ClassName raw = rawStore(primitive, incremental(stage));
        yield primitive
            ? ParameterizedTypeName.get(raw, reduce.key())
            : ParameterizedTypeName.get(raw, reduce.key(), reduce.value());
      }
      case INPUT,
          NARROW,
          SNAPSHOTS,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          COMBINE,
          JOIN,
          UPDATE_STATE,
          MAP_WITH_STATE,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException(stage.name() + " keeps no window");
    };
  }

  /** The store class of a windowed aggregate. */
  private static ClassName rawStore(boolean primitive, boolean inverse) {
    return primitive
        ? (inverse ? RuntimeTypes.LONG_INVERSE_WINDOW : RuntimeTypes.LONG_WINDOW_SLOTS)
        : (inverse ? RuntimeTypes.OBJECT_INVERSE_WINDOW : RuntimeTypes.OBJECT_WINDOW_SLOTS);
  }

  /** The fields: the spec and the stores. */
  List<FieldSpec> fields(Stage stage) {
    return List.of(
        FieldSpec.builder(
                RuntimeTypes.WINDOW_SPEC, names.spec(stage), Modifier.PRIVATE, Modifier.FINAL)
            .build(),
        FieldSpec.builder(
                RuntimeTypes.listOf(storeType(stage)),
                names.window(stage),
                Modifier.PRIVATE,
                Modifier.FINAL)
            .build());
  }

  /**
   * The constructor statements setting the spec from {@code spec} and making {@code tasks} stores.
   */
  CodeBlock initializer(Stage stage, String spec, CodeBlock tasks) {
    String stores = names.window(stage);
    CodeBlock store =
        switch (stage.kind().family()) {
          case WINDOW -> CodeBlock.of("new $T<>($N)", RuntimeTypes.RECORD_WINDOW_SLOTS, spec);
          case GROUP ->
              CodeBlock.of(
                  "new $T<>($N, $L)", RuntimeTypes.GROUP_WINDOW_SLOTS, spec, EXPECTED_KEYS);
          case AGGREGATE -> {
            ClassName raw = rawStore(stage.reduce().valueKind().isPrimitive(), incremental(stage));
            yield incremental(stage)
                ? CodeBlock.of(
                    "new $T<>($N, $L, $L, $L, $L)",
                    raw,
                    spec,
                    reduceFunction(stage),
                    inverseFunction(stage),
                    filterFunction(stage),
                    EXPECTED_KEYS)
                : CodeBlock.of("new $T<>($N, $L)", raw, spec, EXPECTED_KEYS);
          }
          case INPUT,
              NARROW,
              SNAPSHOTS,
              PARTITION,
              TRANSFORM,
              REPARTITION,
              COMBINE,
              JOIN,
              UPDATE_STATE,
              MAP_WITH_STATE,
              OUTPUT,
              UNION ->
              throw new IllegalArgumentException(stage.name() + " keeps no window");
        };
    return CodeBlock.builder()
        .addStatement("this.$N = $N", names.spec(stage), spec)
        .addStatement("this.$N = new $T<>()", stores, RuntimeTypes.ARRAY_LIST)
        .beginControlFlow("for (int task = 0, tasks = $L; task < tasks; task++)", tasks)
        .addStatement("this.$N.add($L)", stores, store)
        .endControlFlow()
        .build();
  }

  /** The function a store reduces with: a sum for counts, otherwise the reduce method. */
  CodeBlock reduceFunction(Stage stage) {
    return counts(stage)
        ? CodeBlock.of("$T::sum", Long.class)
        : CodeBlock.of("this::$N", names.windowFunction(stage, "reduce"));
  }

  private CodeBlock inverseFunction(Stage stage) {
    return counts(stage)
        ? CodeBlock.of("(a, b) -> a - b")
        : CodeBlock.of("this::$N", names.windowFunction(stage, "inverse"));
  }

  private CodeBlock filterFunction(Stage stage) {
    if (counts(stage) && Aggregation.of(stage.kind()) == Aggregation.COUNT_BY_VALUE) {
      return CodeBlock.of("(value, count) -> count != 0");
    }
    return stage.windowing().filter().isEmpty()
        ? CodeBlock.of("null")
        : CodeBlock.of("this::$N", names.windowFunction(stage, "filter"));
  }

  /** Whether {@code stage} is a windowed count, which sums {@code long}s with no user function. */
  private static boolean counts(Stage stage) {
    return stage.kind().combines() && Aggregation.of(stage.kind()).counts();
  }

  /** The methods the stores call: the reduce, inverse and filter functions a stage has. */
  List<MethodSpec> methods(Stage stage) {
    List<MethodSpec> methods = new ArrayList<>();
    if (!stage.kind().combines() || counts(stage)) {
      return methods;
    }
    Windowing windowing = stage.windowing();
    methods.add(binary(stage, "reduce", stage.method(), "Reduces two values"));
    windowing
        .inverse()
        .ifPresent(
            inverse ->
                methods.add(
                    binary(stage, "inverse", inverse, "Removes value {@code b} from {@code a}")));
    windowing.filter().ifPresent(filter -> methods.add(filter(stage, filter)));
    return methods;
  }

  /** {@code V reduce(V a, V b)} over stored values, decoding and encoding primitives. */
  private MethodSpec binary(Stage stage, String function, UserMethod user, String what) {
    ReduceSpec reduce = stage.reduce();
    ValueKind kind = reduce.valueKind();
    TypeName stored = kind.isPrimitive() ? TypeName.LONG : reduce.value();
    CodeBlock.Builder code = CodeBlock.builder().addStatement("$T result", reduce.function());
    UserCalls.guard(
        code,
        CodeBlock.builder()
            .addStatement(
                "result = $L",
                calls.call(
                    user,
                    CodeBlock.of(
                        "$L, $L",
                        ValueCodec.decode(kind, CodeBlock.of("a")),
                        ValueCodec.decode(kind, CodeBlock.of("b")))))
            .build(),
        user.throwsKind(),
        stage.name(),
        "b",
        "e");
    code.addStatement("return $L", ValueCodec.encode(kind, CodeBlock.of("result")));
    return MethodSpec.methodBuilder(names.windowFunction(stage, function))
        .addJavadoc(
            "$L of the window of {@code $L} with {@code $L}.\n",
            what,
            stage.name(),
            calls.describe(user))
        .addModifiers(Modifier.PRIVATE)
        .returns(stored)
        .addParameter(stored, "a")
        .addParameter(stored, "b")
        .addCode(code.build())
        .build();
  }

  /** {@code boolean filter(K key, V value)} over stored values. */
  private MethodSpec filter(Stage stage, UserMethod user) {
    ReduceSpec reduce = stage.reduce();
    ValueKind kind = reduce.valueKind();
    TypeName stored = kind.isPrimitive() ? TypeName.LONG : reduce.value();
    CodeBlock.Builder code = CodeBlock.builder().addStatement("boolean kept");
    UserCalls.guard(
        code,
        CodeBlock.builder()
            .addStatement(
                "kept = $L",
                calls.call(
                    user, CodeBlock.of("key, $L", ValueCodec.decode(kind, CodeBlock.of("value")))))
            .build(),
        user.throwsKind(),
        stage.name(),
        "key",
        "e");
    code.addStatement("return kept");
    return MethodSpec.methodBuilder(names.windowFunction(stage, "filter"))
        .addJavadoc(
            "Whether {@code key} stays in the window of {@code $L}: {@code $L}.\n",
            stage.name(),
            calls.describe(user))
        .addModifiers(Modifier.PRIVATE)
        .returns(TypeName.BOOLEAN)
        .addParameter(reduce.key(), "key")
        .addParameter(stored, "value")
        .addCode(code.build())
        .build();
  }
}
