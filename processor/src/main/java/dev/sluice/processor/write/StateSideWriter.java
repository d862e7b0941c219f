package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.plan.Step;

/**
 * Writes the reduce side of a stateful stage: {@code updateStateByKey} folds the batch's groups
 * into the state store and emits every key's state; {@code mapWithState} calls the method per
 * record with its key's state, then for the keys timing out, then runs the snapshot stages over the
 * whole state.
 */
final class StateSideWriter extends SideWriter {

  StateSideWriter(ChainWriter chain) {
    super(chain);
  }

  /**
   * The reduce side of {@code updateStateByKey}: adds the batch's values to the state store, runs
   * the update for every key with state or values, and emits the whole state.
   */
  void updateState(CodeBlock.Builder code, String groups) {
    Stage head = segment.head();
    OperatorSpec.Grouping spec = head.spec(OperatorSpec.Grouping.class);
    String state = locals.get("state");
    String batchIndex = locals.get("batchIndex");
    addGroups(code, state, groups);
    code.add(
        "// $L: $L for every key with state or new values\n",
        head.name(),
        calls.describe(head.method()));
    String updated = locals.newName("updated", "updated");
    TypeName stateType = StateWriter.stateType(head);
    code.addStatement(
        "$T $N = $N.update(this::$N)",
        ParameterizedTypeName.get(RuntimeTypes.OBJECT_VALUE_MAP, spec.key(), stateType),
        updated,
        state,
        names.update(head));
    String e = locals.newName("entry", "entry");
    String entries = locals.newName("entries", "entries");
    code.beginControlFlow(
        "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", e, entries, updated, e, entries, e);
    String record = recordName(head);
    code.addStatement(
        "$T $N = $T.of($N.key($N), $N.get($N))",
        head.outputType(),
        record,
        RuntimeTypes.KV,
        updated,
        e,
        updated,
        e);
    consume(code, segment.steps(), record);
    code.endControlFlow();
  }

  /**
   * The reduce side of {@code mapWithState}: calls the method once per record, key by key in record
   * order, with the key's state handle; then the timeout calls of a full-scan batch; then every
   * key's state through the snapshot stages reading it.
   */
  void mapWithState(CodeBlock.Builder code, String groups) {
    Stage head = segment.head();
    OperatorSpec.Grouping spec = head.spec(OperatorSpec.Grouping.class);
    String state = locals.get("state");
    String i = locals.newName("i", "i");
    String n = locals.newName("n", "n");
    String key = locals.newName("key", "key");
    String values = locals.newName("values", "values");
    String v = locals.newName("v", "v");
    String record = recordName(head);
    code.addStatement(
        "$N.beginBatch($N, $N)", state, locals.get("batchIndex"), locals.get("batchTime"));
    code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, groups, i, n, i);
    code.addStatement("$T $N = $N.key($N)", spec.key(), key, groups, i);
    code.addStatement("$T $N = $N.left($N)", RuntimeTypes.listOf(spec.value()), values, groups, i);
    code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", v, v, values, v);
    code.add("// $L: $L\n", head.name(), calls.describe(head.method()));
    code.addStatement("$T $N", head.outputType(), record);
    guard(
        code,
        head,
        CodeBlock.of(
            "$N = $L",
            record,
            calls.call(
                head.method(),
                CodeBlock.of(
                    "$N, $T.of($N.get($N)), $N.open($N)",
                    key,
                    RuntimeTypes.OPTIONAL,
                    values,
                    v,
                    state,
                    key))),
        key);
    code.addStatement("$N.close()", state);
    consume(code, segment.steps(), record);
    code.endControlFlow();
    code.endControlFlow();
    String t = locals.newName("t", "t");
    String timeouts = locals.newName("timeouts", "timeouts");
    String idle = locals.newName("idleKey", "idleKey");
    code.add("// $L: the last call of every key timing out at a full-scan batch\n", head.name());
    code.beginControlFlow(
        "for (int $N = 0, $N = $N.timeouts(); $N < $N; $N++)", t, timeouts, state, t, timeouts, t);
    code.addStatement("$T $N = $N.timedOutKey($N)", spec.key(), idle, state, t);
    code.addStatement("$T $N", head.outputType(), record);
    guard(
        code,
        head,
        CodeBlock.of(
            "$N = $L",
            record,
            calls.call(
                head.method(),
                CodeBlock.of(
                    "$N, $T.empty(), $N.openTimingOut($N)",
                    idle,
                    RuntimeTypes.OPTIONAL,
                    state,
                    t))),
        idle);
    consume(code, segment.steps(), record);
    code.endControlFlow();
    code.addStatement("$N.endBatch()", state);
    for (Step step : segment.steps()) {
      if (step.role() != Step.Role.SNAPSHOT) {
        continue;
      }
      Stage snapshots = step.stage();
      String e = locals.newName("entry", "entry:" + snapshots.name());
      String entries = locals.newName("entries", "entries:" + snapshots.name());
      String stateKey = locals.newName("stateKey", "stateKey:" + snapshots.name());
      String snapshot = locals.newName(snapshots.name(), "record:" + snapshots.name());
      code.beginControlFlow(
          "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", e, entries, state, e, entries, e);
      code.addStatement("$T $N = $N.key($N)", spec.key(), stateKey, state, e);
      calls.comment(code, snapshots, "");
      code.addStatement("$T $N", snapshots.outputType(), snapshot);
      guard(
          code,
          snapshots,
          CodeBlock.of(
              "$N = $L",
              snapshot,
              calls.call(snapshots.method(), CodeBlock.of("$N, $N.state($N)", stateKey, state, e))),
          stateKey);
      consume(code, step.next(), snapshot);
      code.endControlFlow();
    }
  }
}
