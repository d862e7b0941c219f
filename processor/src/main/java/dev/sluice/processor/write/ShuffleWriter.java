package dev.sluice.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.sluice.processor.model.Family;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.model.TypeText;
import dev.sluice.processor.model.ValueKind;
import dev.sluice.processor.plan.Shuffle;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the members behind one shuffle: the field holding its buffers, one per (writer task,
 * reader task), allocated once and reused every batch; the method allocating them; the combine
 * method shared by the map and reduce sides, which costs one hash lookup per value and keeps
 * primitive values unboxed; and the merge of one column on the reduce side.
 */
final class ShuffleWriter {

  /** Buffers start with room for this many keys and grow to the batch's key count once. */
  private static final int EXPECTED_KEYS = 16;

  private final ProgramNames names;
  private final UserCalls calls;

  ShuffleWriter(ProgramNames names, UserCalls calls) {
    this.names = names;
    this.calls = calls;
  }

  /**
   * The field holding the buffers: {@code [writer task][reader task]} combine buffers, a {@code
   * GroupShuffle} or a {@code RecordExchange}.
   */
  FieldSpec field(Shuffle shuffle) {
    Stage stage = shuffle.reduce();
    TypeName type;
    if (stage.kind().combines()) {
      type = ArrayTypeName.of(SegmentSignature.rowType(stage.reduce()));
    } else if (stage.kind().groups()) {
      OperatorSpec.Grouping spec = stage.spec(OperatorSpec.Grouping.class);
      type =
          ParameterizedTypeName.get(
              RuntimeTypes.GROUP_SHUFFLE,
              spec.key(),
              spec.value().box(),
              spec.rightValue().map(TypeName::box).orElse(ClassName.OBJECT));
    } else {
      type = RuntimeTypes.exchangeOf(stage.outputType());
    }
    return FieldSpec.builder(type, names.shuffle(stage), Modifier.PRIVATE, Modifier.FINAL).build();
  }

  /**
   * The constructor statement allocating the buffers for the given task counts ({@code
   * rightWriters} is {@code null} unless a join or cogroup).
   */
  CodeBlock initializer(
      Shuffle shuffle, CodeBlock writers, CodeBlock readers, CodeBlock rightWriters) {
    Stage stage = shuffle.reduce();
    if (stage.kind().combines()) {
      return CodeBlock.of(
          "this.$N = $N($L, $L);\n",
          names.shuffle(stage),
          names.newShuffle(stage),
          writers,
          readers);
    }
    if (stage.kind().groups()) {
      return CodeBlock.of(
          "this.$N = new $T<>($L, $L, $L);\n",
          names.shuffle(stage),
          RuntimeTypes.GROUP_SHUFFLE,
          writers,
          rightWriters == null ? CodeBlock.of("0") : rightWriters,
          readers);
    }
    return CodeBlock.of(
        "this.$N = new $T<>($L, $L);\n",
        names.shuffle(stage),
        RuntimeTypes.RECORD_EXCHANGE,
        writers,
        readers);
  }

  /** The methods of a combining shuffle: allocate, combine, (merge combiners,) merge. */
  List<MethodSpec> methods(Shuffle shuffle) {
    Stage stage = shuffle.reduce();
    if (!stage.kind().combines()) {
      return List.of();
    }
    return switch (stage.kind().family()) {
      case COMBINE -> List.of(allocate(stage), combineValue(stage), combine(stage), merge(stage));
      case AGGREGATE -> List.of(allocate(stage), combine(stage), merge(stage));
      case INPUT,
          NARROW,
          SNAPSHOTS,
          PARTITION,
          TRANSFORM,
          REPARTITION,
          GROUP,
          JOIN,
          UPDATE_STATE,
          MAP_WITH_STATE,
          WINDOW,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException(stage.name() + " does not combine");
    };
  }

  private MethodSpec allocate(Stage reduce) {
    ReduceSpec spec = reduce.reduce();
    TypeName buffer = RuntimeTypes.valueMap(spec.key(), spec.value(), spec.valueKind());
    ClassName rawBuffer =
        spec.valueKind().isPrimitive()
            ? RuntimeTypes.LONG_VALUE_MAP
            : RuntimeTypes.OBJECT_VALUE_MAP;
    WildcardTypeName any = WildcardTypeName.subtypeOf(Object.class);
    TypeName anyBuffer =
        spec.valueKind().isPrimitive()
            ? ParameterizedTypeName.get(rawBuffer, any)
            : ParameterizedTypeName.get(rawBuffer, any, any);
    TypeName matrix = ArrayTypeName.of(ArrayTypeName.of(buffer));
    return MethodSpec.methodBuilder(names.newShuffle(reduce))
        .addJavadoc(
            "Allocates the buffers of the shuffle into {@code $L}, reused every batch.\n",
            reduce.name())
        .addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "unchecked")
                .build())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(matrix)
        .addParameter(int.class, "writers")
        .addParameter(int.class, "readers")
        .addComment("Java has no generic array creation: the cast is safe because every element")
        .addComment("is set to a new $L below.", TypeText.of(buffer))
        .addStatement("$T buffers =\n($T) new $T[writers][readers]", matrix, matrix, anyBuffer)
        .beginControlFlow("for (int writer = 0; writer < writers; writer++)")
        .beginControlFlow("for (int reader = 0; reader < readers; reader++)")
        .addStatement("buffers[writer][reader] = new $T<>($L)", rawBuffer, EXPECTED_KEYS)
        .endControlFlow()
        .endControlFlow()
        .addStatement("return buffers")
        .build();
  }

  private MethodSpec combine(Stage reduce) {
    ReduceSpec spec = reduce.reduce();
    ValueKind kind = spec.valueKind();
    boolean sums =
        reduce.kind().family() == Family.AGGREGATE && Aggregation.of(reduce.kind()).counts();
    String name = mergeFunction(reduce);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc(
                sums
                    ? CodeBlock.of(
                        "Adds {@code value} to the count of {@code key} with one hash lookup.\n")
                    : CodeBlock.of(
                        "Combines {@code value} into the entry of {@code key} with one hash"
                            + " lookup,\ncalling {@code $L} if the key is there already.\n",
                        calls.describe(reduce.method())))
            .addModifiers(Modifier.PRIVATE)
            .addParameter(RuntimeTypes.valueMap(spec.key(), spec.value(), kind), "buffer")
            .addParameter(spec.key(), "key")
            .addParameter(spec.function(), "value");
    if (sums || reduce.method().isStatic()) {
      method.addModifiers(Modifier.STATIC);
    }
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("int entry = buffer.add(key)")
            .beginControlFlow("if (entry < 0)")
            .addStatement("buffer.set(~entry, $L)", ValueCodec.encode(kind, CodeBlock.of("value")))
            .nextControlFlow("else");
    if (sums) {
      return method
          .addCode(
              code.addStatement("buffer.set(entry, buffer.get(entry) + value)")
                  .endControlFlow()
                  .build())
          .build();
    }
    code.addStatement("$T reduced", spec.function());
    UserCalls.guard(
        code,
        CodeBlock.builder()
            .addStatement(
                "reduced = $L",
                calls.call(
                    reduce.method(),
                    CodeBlock.of(
                        "$L, value", ValueCodec.decode(kind, CodeBlock.of("buffer.get(entry)")))))
            .build(),
        reduce.method().throwsKind(),
        reduce.name(),
        "key",
        "e");
    code.addStatement("buffer.set(entry, $L)", ValueCodec.encode(kind, CodeBlock.of("reduced")))
        .endControlFlow();
    return method.addCode(code.build()).build();
  }

  /**
   * The map side of a combine by key: makes a key's first value a combiner with {@code
   * createCombiner}, and adds later values with {@code mergeValue}.
   */
  private MethodSpec combineValue(Stage reduce) {
    ReduceSpec spec = reduce.reduce();
    OperatorSpec.Combine operator = reduce.spec(OperatorSpec.Combine.class);
    ValueKind kind = spec.valueKind();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.combine(reduce))
            .addJavadoc(
                "Adds {@code value} to the combiner of {@code key} with one hash lookup: a new"
                    + " key's\ncombiner is {@code $L}, an existing one becomes {@code $L}.\n",
                calls.describe(operator.createCombiner()),
                calls.describe(operator.mergeValue()))
            .addModifiers(Modifier.PRIVATE)
            .addParameter(RuntimeTypes.valueMap(spec.key(), spec.value(), kind), "buffer")
            .addParameter(spec.key(), "key")
            .addParameter(operator.value(), "value");
    if (operator.createCombiner().isStatic() && operator.mergeValue().isStatic()) {
      method.addModifiers(Modifier.STATIC);
    }
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("int entry = buffer.add(key)")
            .addStatement("$T combined", spec.function());
    CodeBlock create =
        CodeBlock.builder()
            .beginControlFlow("if (entry < 0)")
            .addStatement(
                "combined = $L", calls.call(operator.createCombiner(), CodeBlock.of("value")))
            .nextControlFlow("else")
            .addStatement(
                "combined = $L",
                calls.call(
                    operator.mergeValue(),
                    CodeBlock.of(
                        "$L, value", ValueCodec.decode(kind, CodeBlock.of("buffer.get(entry)")))))
            .endControlFlow()
            .build();
    Throws throwsKind =
        operator.createCombiner().throwsKind().compareTo(operator.mergeValue().throwsKind()) > 0
            ? operator.createCombiner().throwsKind()
            : operator.mergeValue().throwsKind();
    UserCalls.guard(code, create, throwsKind, reduce.name(), "key", "e");
    code.addStatement(
        "buffer.set(entry < 0 ? ~entry : entry, $L)",
        ValueCodec.encode(kind, CodeBlock.of("combined")));
    return method.addCode(code.build()).build();
  }

  /**
   * The method merging one buffer's values into another's: a combine's {@code mergeCombiners},
   * otherwise the same combine the map side uses.
   */
  private String mergeFunction(Stage reduce) {
    return reduce.kind().family() == Family.COMBINE
        ? names.mergeCombiners(reduce)
        : names.combine(reduce);
  }

  private MethodSpec merge(Stage reduce) {
    ReduceSpec spec = reduce.reduce();
    TypeName buffer = RuntimeTypes.valueMap(spec.key(), spec.value(), spec.valueKind());
    String field = names.shuffle(reduce);
    return MethodSpec.methodBuilder(names.merge(reduce))
        .addJavadoc(
            "Merges column {@code partition} of the shuffle into {@code $L} into its first buffer,"
                + "\nclearing the others for the next batch.\n",
            reduce.name())
        .addModifiers(Modifier.PRIVATE)
        .returns(buffer)
        .addParameter(int.class, "partition")
        .addStatement("$T merged = $N[0][partition]", buffer, field)
        .beginControlFlow("for (int writer = 1; writer < $N.length; writer++)", field)
        .addStatement("$T part = $N[writer][partition]", buffer, field)
        .beginControlFlow("for (int entry = 0, size = part.size(); entry < size; entry++)")
        .addStatement(
            "$N(merged, part.key(entry), $L)",
            mergeFunction(reduce),
            ValueCodec.decode(spec.valueKind(), CodeBlock.of("part.get(entry)")))
        .endControlFlow()
        .addStatement("part.clear()")
        .endControlFlow()
        .addStatement("return merged")
        .build();
  }
}
