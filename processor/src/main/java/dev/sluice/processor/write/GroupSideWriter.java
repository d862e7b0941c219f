package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;

/**
 * Writes the reduce side of a grouping shuffle: groupByKey and cogroup call the method once per
 * key, a join once per pair in Spark's order, a windowed group at its slide over the window's
 * groups.
 */
final class GroupSideWriter extends SideWriter {

  GroupSideWriter(ChainWriter chain) {
    super(chain);
  }

  /**
   * The reduce side of a grouping shuffle: one call per key, or per joined pair; a windowed group
   * adds the batch to its window first and calls at a slide.
   */
  void groups(CodeBlock.Builder code, String groups) {
    Stage head = segment.head();
    if (head.kind().isWindowed()) {
      groupsWindow(code, groups);
      return;
    }
    OperatorSpec.Grouping spec = head.spec(OperatorSpec.Grouping.class);
    String i = locals.newName("i", "i");
    String n = locals.newName("n", "n");
    String key = locals.newName("key", "key");
    code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, groups, i, n, i);
    code.addStatement("$T $N = $N.key($N)", spec.key(), key, groups, i);
    String record = recordName(head);
    if (spec instanceof OperatorSpec.Join join) {
      join(code, join, groups, i, key);
    } else {
      CodeBlock arguments =
          spec.rightValue().isEmpty()
              ? CodeBlock.of("$N, $N.left($N)", key, groups, i)
              : CodeBlock.of("$N, $N.left($N), $N.right($N)", key, groups, i, groups, i);
      code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
      code.addStatement("$T $N", head.outputType(), record);
      guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(), arguments)), key);
      consume(code, segment.steps(), record);
    }
    code.endControlFlow();
  }

  /**
   * The reduce side of a windowed group: adds the batch's groups to the window's current batch,
   * then at a slide calls the method once per key of the window.
   */
  private void groupsWindow(CodeBlock.Builder code, String groups) {
    Stage head = segment.head();
    OperatorSpec.Grouping spec = head.spec(OperatorSpec.Grouping.class);
    String window = locals.get("window");
    String batchIndex = locals.get("batchIndex");
    addGroups(code, window, groups);
    code.beginControlFlow("if ($N.emitsAt($N))", names.spec(head), batchIndex);
    String windowed = locals.newName("windowed", "windowed");
    code.addStatement(
        "$T $N = $N.groupWindow($N)",
        ParameterizedTypeName.get(
            RuntimeTypes.OBJECT_VALUE_MAP, spec.key(), RuntimeTypes.listOf(spec.value())),
        windowed,
        window,
        batchIndex);
    String e = locals.newName("entry", "entry");
    String entries = locals.newName("entries", "entries");
    String windowKey = locals.newName("windowKey", "windowKey");
    code.beginControlFlow(
        "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", e, entries, windowed, e, entries, e);
    code.addStatement("$T $N = $N.key($N)", spec.key(), windowKey, windowed, e);
    String record = recordName(head);
    code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
    code.addStatement("$T $N", head.outputType(), record);
    guard(
        code,
        head,
        CodeBlock.of(
            "$N = $L",
            record,
            calls.call(head.method(), CodeBlock.of("$N, $N.get($N)", windowKey, windowed, e))),
        windowKey);
    consume(code, segment.steps(), record);
    code.endControlFlow();
    code.endControlFlow();
  }

  /**
   * The pairs of one key of a join, in Spark's order (every left value with every right value); an
   * outer side with no values gives one call per value of the other side with an empty side.
   */
  private void join(
      CodeBlock.Builder code, OperatorSpec.Join spec, String groups, String i, String key) {
    Stage head = segment.head();
    String left = locals.newName("left", "left");
    String right = locals.newName("right", "right");
    code.addStatement("$T $N = $N.left($N)", RuntimeTypes.listOf(spec.value()), left, groups, i);
    code.addStatement("$T $N = $N.right($N)", RuntimeTypes.listOf(spec.right()), right, groups, i);
    String emitter = locals.get("emitter:" + head.name());
    String a = locals.newName("a", "a");
    String b = locals.newName("b", "b");
    boolean leftOptional = spec.kind().leftOptional();
    boolean rightOptional = spec.kind().rightOptional();
    CodeBlock pair =
        CodeBlock.of(
            "$L, $L",
            side(leftOptional, CodeBlock.of("$N.get($N)", left, a)),
            side(rightOptional, CodeBlock.of("$N.get($N)", right, b)));
    code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
    if (rightOptional) {
      code.beginControlFlow("if ($N.isEmpty())", right);
      code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", a, a, left, a);
      emit(
          code,
          head,
          emitter,
          CodeBlock.of(
              "$N, $L, $T.empty()",
              key,
              side(leftOptional, CodeBlock.of("$N.get($N)", left, a)),
              RuntimeTypes.OPTIONAL),
          key);
      code.endControlFlow();
      code.endControlFlow();
    }
    if (leftOptional) {
      code.beginControlFlow("if ($N.isEmpty())", left);
      code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", b, b, right, b);
      emit(
          code,
          head,
          emitter,
          CodeBlock.of(
              "$N, $T.empty(), $L",
              key,
              RuntimeTypes.OPTIONAL,
              side(rightOptional, CodeBlock.of("$N.get($N)", right, b))),
          key);
      code.endControlFlow();
      code.endControlFlow();
    }
    code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", a, a, left, a);
    code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", b, b, right, b);
    emit(code, head, emitter, CodeBlock.of("$N, $L", key, pair), key);
    code.endControlFlow();
    code.endControlFlow();
  }

  private CodeBlock side(boolean optional, CodeBlock value) {
    return optional ? CodeBlock.of("$T.ofNullable($L)", RuntimeTypes.OPTIONAL, value) : value;
  }

  private void emit(
      CodeBlock.Builder code, Stage head, String emitter, CodeBlock arguments, String key) {
    guard(
        code,
        head,
        CodeBlock.of("$N.emit($L)", emitter, calls.call(head.method(), arguments)),
        key);
  }
}
