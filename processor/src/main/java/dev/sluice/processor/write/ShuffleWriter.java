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
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
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

  /** The field holding the buffers, {@code [writer task][reader task]}. */
  FieldSpec field(Shuffle shuffle) {
    return FieldSpec.builder(
            ArrayTypeName.of(SegmentWriter.rowType(shuffle.reduce().reduce())),
            names.shuffle(shuffle.reduce()),
            Modifier.PRIVATE,
            Modifier.FINAL)
        .build();
  }

  /** The constructor statement allocating the buffers for the given task counts. */
  CodeBlock initializer(Shuffle shuffle, CodeBlock writers, CodeBlock readers) {
    return CodeBlock.of(
        "this.$N = $N($L, $L);\n",
        names.shuffle(shuffle.reduce()),
        names.newShuffle(shuffle.reduce()),
        writers,
        readers);
  }

  /** The methods: allocate, combine, merge. */
  List<MethodSpec> methods(Shuffle shuffle) {
    return List.of(allocate(shuffle.reduce()), combine(shuffle.reduce()), merge(shuffle.reduce()));
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
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.combine(reduce))
            .addJavadoc(
                "Combines {@code value} into the entry of {@code key} with one hash lookup,"
                    + "\ncalling {@code $L} if the key is there already.\n",
                calls.describe(reduce.method()))
            .addModifiers(Modifier.PRIVATE)
            .addParameter(RuntimeTypes.valueMap(spec.key(), spec.value(), kind), "buffer")
            .addParameter(spec.key(), "key")
            .addParameter(spec.function(), "value");
    if (reduce.method().isStatic()) {
      method.addModifiers(Modifier.STATIC);
    }
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("int entry = buffer.add(key)")
            .beginControlFlow("if (entry < 0)")
            .addStatement("buffer.set(~entry, $L)", ValueCodec.encode(kind, CodeBlock.of("value")))
            .nextControlFlow("else")
            .addStatement("$T reduced", spec.function());
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
            names.combine(reduce),
            ValueCodec.decode(spec.valueKind(), CodeBlock.of("part.get(entry)")))
        .endControlFlow()
        .addStatement("part.clear()")
        .endControlFlow()
        .addStatement("return merged")
        .build();
  }
}
