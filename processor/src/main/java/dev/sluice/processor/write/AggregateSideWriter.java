package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Family;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;

/**
 * Writes the reduce side of a combining shuffle (count, reduce, countByValue, reduce or combine by
 * key), per batch or per window: the merged buffer of this task's partition, emitted in the shape
 * the {@link Aggregation} gives.
 */
final class AggregateSideWriter extends SideWriter {

  AggregateSideWriter(ChainWriter chain) {
    super(chain);
  }

  /** The reduce side of a combining shuffle: one record per key (or one per batch). */
  void reduced(CodeBlock.Builder code, String merged) {
    Stage head = segment.head();
    if (head.kind().isWindowed()) {
      reducedWindow(code, merged);
      return;
    }
    ReduceSpec reduce = head.reduce();
    CodeBlock value = ValueCodec.decode(reduce.valueKind(), CodeBlock.of("$N.get(0)", merged));
    String record = recordName(head);
    Aggregation aggregation = Aggregation.of(head.kind());
    switch (aggregation) {
      case COUNT -> {
        code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
        String count = locals.newName("count", "count");
        code.addStatement("long $N = $N.size() == 0 ? 0L : $L", count, merged, value);
        code.addStatement("$T $N", head.outputType(), record);
        guard(
            code,
            head,
            CodeBlock.of("$N = $L", record, calls.call(head.method(), CodeBlock.of("$N", count))),
            count);
        consume(code, segment.steps(), record);
      }
      case REDUCE -> {
        code.add("// $L: reduced with $L\n", head.name(), calls.describe(head.method()));
        code.beginControlFlow("if ($N.size() > 0)", merged);
        code.addStatement("$T $N = $L", head.outputType(), record, value);
        consume(code, segment.steps(), record);
        code.endControlFlow();
      }
      case COUNT_BY_VALUE, BY_KEY -> {
        String i = locals.newName("i", "i");
        String n = locals.newName("n", "n");
        code.beginControlFlow(
            "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, merged, i, n, i);
        CodeBlock entry =
            ValueCodec.decode(reduce.valueKind(), CodeBlock.of("$N.get($N)", merged, i));
        if (aggregation == Aggregation.COUNT_BY_VALUE) {
          code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
          code.addStatement("$T $N", head.outputType(), record);
          String key = locals.newName("value", "value");
          code.addStatement("$T $N = $N.key($N)", reduce.key(), key, merged, i);
          guard(
              code,
              head,
              CodeBlock.of(
                  "$N = $L", record, calls.call(head.method(), CodeBlock.of("$N, $L", key, entry))),
              key);
        } else {
          code.add(
              "// $L: $L with $L\n",
              head.name(),
              head.kind().family() == Family.COMBINE ? "combined" : "reduced",
              calls.describe(head.method()));
          code.addStatement(
              "$T $N = $T.of($N.key($N), $L)",
              head.outputType(),
              record,
              RuntimeTypes.KV,
              merged,
              i,
              entry);
        }
        consume(code, segment.steps(), record);
        code.endControlFlow();
      }
    }
    code.addStatement("$N.clear()", merged);
  }

  /**
   * The reduce side of a windowed reduce: merges the batch's column into the window's current
   * batch, then at a slide reads the window and pushes its records through the steps.
   */
  private void reducedWindow(CodeBlock.Builder code, String merged) {
    Stage head = segment.head();
    ReduceSpec reduce = head.reduce();
    String window = locals.get("window");
    String batchIndex = locals.get("batchIndex");
    TypeName buffer = RuntimeTypes.valueMap(reduce.key(), reduce.value(), reduce.valueKind());
    String slot = locals.newName("slot", "slot");
    String e = locals.newName("entry", "entry");
    String n = locals.newName("entries", "entries");
    code.add("// $L: this batch's values, reduced per key into the window\n", head.name());
    code.addStatement("$T $N = $N.batch($N)", buffer, slot, window, batchIndex);
    code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", e, n, merged, e, n, e);
    code.addStatement(
        "$N($N, $N.key($N), $L)",
        names.combine(head),
        slot,
        merged,
        e,
        ValueCodec.decode(reduce.valueKind(), CodeBlock.of("$N.get($N)", merged, e)));
    code.endControlFlow();
    code.addStatement("$N.clear()", merged);
    code.beginControlFlow("if ($N.emitsAt($N))", names.spec(head), batchIndex);
    String windowed = locals.newName("windowed", "windowed");
    code.addStatement(
        "$T $N = $L",
        buffer,
        windowed,
        WindowWriter.incremental(head)
            ? CodeBlock.of("$N.slide($N)", window, batchIndex)
            : CodeBlock.of(
                "$N.reduceWindow($N, $L)",
                window,
                batchIndex,
                new WindowWriter(names, calls).reduceFunction(head)));
    String record = recordName(head);
    CodeBlock first = ValueCodec.decode(reduce.valueKind(), CodeBlock.of("$N.get(0)", windowed));
    Aggregation aggregation = Aggregation.of(head.kind());
    switch (aggregation) {
      case COUNT -> {
        code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
        code.beginControlFlow("if ($N.size() > 0)", windowed);
        String count = locals.newName("count", "count");
        code.addStatement("long $N = $L", count, first);
        code.addStatement("$T $N", head.outputType(), record);
        guard(
            code,
            head,
            CodeBlock.of("$N = $L", record, calls.call(head.method(), CodeBlock.of("$N", count))),
            count);
        consume(code, segment.steps(), record);
        code.endControlFlow();
      }
      case REDUCE -> {
        code.beginControlFlow("if ($N.size() > 0)", windowed);
        code.addStatement("$T $N = $L", head.outputType(), record, first);
        consume(code, segment.steps(), record);
        code.endControlFlow();
      }
      case COUNT_BY_VALUE, BY_KEY -> {
        String i = locals.newName("i", "i");
        String size = locals.newName("n", "n");
        code.beginControlFlow(
            "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, size, windowed, i, size, i);
        CodeBlock value =
            ValueCodec.decode(reduce.valueKind(), CodeBlock.of("$N.get($N)", windowed, i));
        if (aggregation == Aggregation.COUNT_BY_VALUE) {
          code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
          code.addStatement("$T $N", head.outputType(), record);
          String key = locals.newName("value", "value");
          code.addStatement("$T $N = $N.key($N)", reduce.key(), key, windowed, i);
          guard(
              code,
              head,
              CodeBlock.of(
                  "$N = $L", record, calls.call(head.method(), CodeBlock.of("$N, $L", key, value))),
              key);
        } else {
          code.addStatement(
              "$T $N = $T.of($N.key($N), $L)",
              head.outputType(),
              record,
              RuntimeTypes.KV,
              windowed,
              i,
              value);
        }
        consume(code, segment.steps(), record);
        code.endControlFlow();
      }
    }
    code.endControlFlow();
  }
}
