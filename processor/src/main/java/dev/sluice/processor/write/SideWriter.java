package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.Step;
import java.util.List;

/**
 * What the writers of a segment's parts beyond its narrow chain share: the segment's state, held by
 * its {@link ChainWriter}, and the chain's helpers to loop over records, push them through the
 * segment's steps and guard user calls.
 */
abstract class SideWriter {

  final ChainWriter chain;
  final Segment segment;
  final NameAllocator locals;
  final String exception;
  final ProgramNames names;
  final UserCalls calls;

  SideWriter(ChainWriter chain) {
    this.chain = chain;
    this.segment = chain.segment;
    this.locals = chain.locals;
    this.exception = chain.exception;
    this.names = chain.names;
    this.calls = chain.calls;
  }

  /** A loop over {@code list}, pushing each record through the segment's steps. */
  void loop(CodeBlock.Builder code, String list, TypeName type, String record) {
    chain.loop(code, list, type, record);
  }

  /** The name of the records {@code head} produces in the loop. */
  String recordName(Stage head) {
    return chain.recordName(head);
  }

  /** Pushes {@code record} through {@code steps}. */
  void consume(CodeBlock.Builder code, List<Step> steps, String record) {
    chain.consume(code, steps, record);
  }

  /** The call of {@code stage}'s method with {@code record}. */
  CodeBlock call(Stage stage, String record) {
    return chain.call(stage, record);
  }

  /** {@code statement}, with what it throws wrapped into a failure of {@code stage}. */
  void guard(CodeBlock.Builder code, Stage stage, CodeBlock statement, String record) {
    chain.guard(code, stage, statement, record);
  }

  /**
   * Opens the batch's slot of {@code store} and adds every value of every key of the batch's {@code
   * groups} to it: the common first half of a windowed group and a state update.
   */
  void addGroups(CodeBlock.Builder code, String store, String groups) {
    OperatorSpec.Grouping spec = segment.head().spec(OperatorSpec.Grouping.class);
    String batchIndex = locals.get("batchIndex");
    String i = locals.newName("i", "i");
    String n = locals.newName("n", "n");
    String key = locals.newName("key", "key");
    String values = locals.newName("values", "values");
    String v = locals.newName("v", "v");
    code.addStatement("$N.open($N)", store, batchIndex);
    code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, groups, i, n, i);
    code.addStatement("$T $N = $N.key($N)", spec.key(), key, groups, i);
    code.addStatement("$T $N = $N.left($N)", RuntimeTypes.listOf(spec.value()), values, groups, i);
    code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", v, v, values, v);
    code.addStatement("$N.add($N, $N.get($N))", store, key, values, v);
    code.endControlFlow();
    code.endControlFlow();
  }
}
