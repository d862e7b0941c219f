package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;

/**
 * Writes the head of a segment that reads whole partitions or batches rather than a shuffle's
 * buffers: a {@code mapPartitions} call per partition, a {@code transform} call per batch, a
 * repartition's dealt records, and a window's batches.
 */
final class BatchSideWriter extends SideWriter {

  BatchSideWriter(ChainWriter chain) {
    super(chain);
  }

  /** A {@code mapPartitions} head: one call with the whole partition. */
  void mapPartitions(CodeBlock.Builder code, String source) {
    Stage head = segment.head();
    String emitter = locals.get("emitter:" + head.name());
    guard(code, head, calls.call(head.method(), CodeBlock.of("$N, $N", source, emitter)), source);
  }

  /** A {@code transform} head: one call with the whole batch, then a loop over its result. */
  void transformBatch(CodeBlock.Builder code, String source) {
    Stage head = segment.head();
    String result = locals.newName(head.name(), "result");
    CodeBlock arguments =
        head.spec(OperatorSpec.Transform.class).withTime()
            ? CodeBlock.of("$N, $N", source, locals.get("time"))
            : CodeBlock.of("$N", source);
    code.addStatement("$T $N", RuntimeTypes.listOf(head.outputType()), result);
    guard(
        code, head, CodeBlock.of("$N = $L", result, calls.call(head.method(), arguments)), source);
    loop(code, result, head.outputType(), recordName(head));
  }

  /** A repartition head: every writer's records dealt to this task's partition. */
  void repartition(CodeBlock.Builder code, String source) {
    Stage head = segment.head();
    String writer = locals.newName("writer", "writer");
    String part = locals.newName("part", "part");
    code.beginControlFlow(
        "for (int $N = 0, $N = $N.writers(); $N < $N; $N++)",
        writer,
        locals.newName("writers", "writers"),
        source,
        writer,
        locals.get("writers"),
        writer);
    code.addStatement(
        "$T $N = $N.list($N, $N)",
        RuntimeTypes.listOf(head.outputType()),
        part,
        source,
        writer,
        locals.get("partition"));
    loop(code, part, head.outputType(), recordName(head));
    code.endControlFlow();
  }

  /**
   * A window's segment: adds each record of the batch, through the window's method, to the window's
   * current batch; at a slide, pushes every record of the window through the steps, oldest batch
   * first.
   */
  void window(CodeBlock.Builder code, String batch) {
    Stage head = segment.head();
    String window = locals.get("window");
    String batchIndex = locals.get("batchIndex");
    String slot = locals.newName("slot", "slot");
    code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
    code.addStatement(
        "$T $N = $N.batch($N)", RuntimeTypes.listOf(head.outputType()), slot, window, batchIndex);
    String i = locals.newName("i", "i:" + batch);
    String n = locals.newName("n", "n:" + batch);
    String entering = locals.newName("entering", "entering");
    code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, batch, i, n, i);
    code.addStatement("$T $N = $N.get($N)", head.inputType(), entering, batch, i);
    guard(code, head, CodeBlock.of("$N.add($L)", slot, call(head, entering)), entering);
    code.endControlFlow();
    code.beginControlFlow("if ($N.emitsAt($N))", names.spec(head), batchIndex);
    String k = locals.newName("k", "k");
    String batches = locals.newName("batches", "batches");
    String part = locals.newName("part", "part");
    code.beginControlFlow(
        "for (int $N = 0, $N = $N.batchesIn($N); $N < $N; $N++)",
        k,
        batches,
        window,
        batchIndex,
        k,
        batches,
        k);
    code.addStatement(
        "$T $N = $N.batchIn($N, $N)",
        RuntimeTypes.listOf(head.outputType()),
        part,
        window,
        batchIndex,
        k);
    loop(code, part, head.outputType().box(), recordName(head));
    code.endControlFlow();
    code.endControlFlow();
  }
}
