package dev.sluice.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Family;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.SegmentInput;
import dev.sluice.processor.plan.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Writes one segment as one method with one indexed loop: each record goes straight from one user
 * method into the next, a flat map emitting through a lambda made once per task, filters nesting
 * the rest of the chain, fan-outs following one another in the loop body, outputs adding to their
 * list, a shuffle's map side combining (or appending, or dealing) into its buffers, and records a
 * later segment reads per partition kept in its exchange. Generated code allocates nothing per
 * record beyond what user methods allocate and the {@code KV}s and {@code Optional}s of operator
 * outputs.
 */
final class SegmentWriter {

  private final ProgramNames names;
  private final UserCalls calls;
  private final SegmentSignature signature;

  SegmentWriter(ExecutionPlan plan, ProgramNames names, UserCalls calls) {
    this.names = names;
    this.calls = calls;
    this.signature = new SegmentSignature(plan, names);
  }

  /** The call of the segment's method in {@code runTask}, for task {@code partition}. */
  CodeBlock invocation(Segment segment, String partition, String context) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (SegmentInput input : segment.inputs()) {
      arguments.add(signature.argument(input, partition, context));
    }
    return CodeBlock.of("$N($L)", names.segment(segment), CodeBlock.join(arguments, ", "));
  }

  /** Partition {@code partition} of {@code source}'s records: an input's, or as kept. */
  CodeBlock partitionOf(String source, String partition, String context) {
    return signature.partitionOf(source, partition, context);
  }

  /** The segment's method. */
  MethodSpec method(Segment segment) {
    return new Body(segment).method();
  }

  /** The state of writing one segment method: its names. */
  private final class Body {
    private final Segment segment;
    private final NameAllocator locals;
    private final String exception;
    private final MethodSpec.Builder method;

    Body(Segment segment) {
      this.segment = segment;
      this.locals = names.locals();
      this.exception = locals.newName("e", "exception");
      this.method = MethodSpec.methodBuilder(names.segment(segment)).addModifiers(Modifier.PRIVATE);
    }

    MethodSpec method() {
      Stage head = segment.head();
      String source = parameters();
      method.addJavadoc(
          "Segment $L: {@code $L}$L.\n", segment.index(), segment.name(), combinesText());
      CodeBlock.Builder code = CodeBlock.builder();
      for (Step step : segment.allSteps()) {
        if (step.role() == Step.Role.DEAL || step.role() == Step.Role.MATERIALIZE) {
          code.addStatement("$N.clear()", locals.get(step));
        }
      }
      declareEmitters(code);
      code.add(
          switch (head.kind().family()) {
            case INPUT, UNION ->
                written(body -> loop(body, source, head.outputType(), recordName(head)));
            case PARTITION -> written(body -> mapPartitions(body, source));
            case TRANSFORM -> written(body -> transformBatch(body, source));
            case WINDOW -> written(body -> window(body, source));
            case REPARTITION -> written(body -> repartition(body, source));
            case GROUP, JOIN -> written(body -> groups(body, source));
            case UPDATE_STATE -> written(body -> updateState(body, source));
            case MAP_WITH_STATE -> written(body -> mapWithState(body, source));
            case AGGREGATE, COMBINE -> written(body -> reduced(body, source));
            case NARROW, SNAPSHOTS, OUTPUT ->
                throw new IllegalArgumentException(head.name() + " heads no segment");
          });
      return method.addCode(code.build()).build();
    }

    /** The code {@code writer} adds to a builder of its own. */
    private CodeBlock written(Consumer<CodeBlock.Builder> writer) {
      CodeBlock.Builder code = CodeBlock.builder();
      writer.accept(code);
      return code.build();
    }

    /** A {@code mapPartitions} head: one call with the whole partition. */
    private void mapPartitions(CodeBlock.Builder code, String source) {
      Stage head = segment.head();
      String emitter = locals.get("emitter:" + head.name());
      guard(
          code, head, calls.call(head.method(), CodeBlock.of("$N, $N", source, emitter)), source);
    }

    /** A {@code transform} head: one call with the whole batch, then a loop over its result. */
    private void transformBatch(CodeBlock.Builder code, String source) {
      Stage head = segment.head();
      String result = locals.newName(head.name(), "result");
      CodeBlock arguments =
          head.spec(OperatorSpec.Transform.class).withTime()
              ? CodeBlock.of("$N, $N", source, locals.get("time"))
              : CodeBlock.of("$N", source);
      code.addStatement("$T $N", RuntimeTypes.listOf(head.outputType()), result);
      guard(
          code,
          head,
          CodeBlock.of("$N = $L", result, calls.call(head.method(), arguments)),
          source);
      loop(code, result, head.outputType(), recordName(head));
    }

    /** A repartition head: every writer's records dealt to this task's partition. */
    private void repartition(CodeBlock.Builder code, String source) {
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

    /** A loop over {@code list}, pushing each record through the segment's steps. */
    private void loop(CodeBlock.Builder code, String list, TypeName type, String record) {
      String i = locals.newName("i", "i:" + list);
      String n = locals.newName("n", "n:" + list);
      code.beginControlFlow("for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, list, i, n, i);
      code.addStatement("$T $N = $N.get($N)", type, record, list, i);
      consume(code, segment.steps(), record);
      code.endControlFlow();
    }

    private String recordName(Stage head) {
      String name =
          head.kind() == StageKind.INPUT
              ? ProgramNames.singular(head.name())
              : head.kind() == StageKind.UNION ? "record" : head.name();
      return locals.newName(name, "record:" + head.name());
    }

    /**
     * A window's segment: adds each record of the batch, through the window's method, to the
     * window's current batch; at a slide, pushes every record of the window through the steps,
     * oldest batch first.
     */
    private void window(CodeBlock.Builder code, String batch) {
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
          k, batches, window, batchIndex, k, batches, k);
      code.addStatement(
          "$T $N = $N.batchIn($N, $N)",
          RuntimeTypes.listOf(head.outputType()), part, window, batchIndex, k);
      loop(code, part, head.outputType().box(), recordName(head));
      code.endControlFlow();
      code.endControlFlow();
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
          guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(),
              CodeBlock.of("$N", count))), count);
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
            guard(code, head, CodeBlock.of("$N = $L", record,
                calls.call(head.method(), CodeBlock.of("$N, $L", key, value))), key);
          } else {
            code.addStatement(
                "$T $N = $T.of($N.key($N), $L)",
                head.outputType(), record, RuntimeTypes.KV, windowed, i, value);
          }
          consume(code, segment.steps(), record);
          code.endControlFlow();
        }
      }
      code.endControlFlow();
    }

    /**
     * Opens the batch's slot of {@code store} and adds every value of every key of the batch's
     * {@code groups} to it: the common first half of a windowed group and a state update.
     */
    private void addGroups(CodeBlock.Builder code, String store, String groups) {
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
      guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(),
          CodeBlock.of("$N, $N.get($N)", windowKey, windowed, e))), windowKey);
      consume(code, segment.steps(), record);
      code.endControlFlow();
      code.endControlFlow();
    }

    /**
     * The reduce side of {@code updateStateByKey}: adds the batch's values to the state store,
     * runs the update for every key with state or values, and emits the whole state.
     */
    private void updateState(CodeBlock.Builder code, String groups) {
      Stage head = segment.head();
      OperatorSpec.Grouping spec = head.spec(OperatorSpec.Grouping.class);
      String state = locals.get("state");
      String batchIndex = locals.get("batchIndex");
      addGroups(code, state, groups);
      code.add("// $L: $L for every key with state or new values\n", head.name(),
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
          head.outputType(), record, RuntimeTypes.KV, updated, e, updated, e);
      consume(code, segment.steps(), record);
      code.endControlFlow();
    }

    /**
     * The reduce side of {@code mapWithState}: calls the method once per record, key by key in
     * record order, with the key's state handle; then the timeout calls of a full-scan batch; then
     * every key's state through the snapshot stages reading it.
     */
    private void mapWithState(CodeBlock.Builder code, String groups) {
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
      guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(),
          CodeBlock.of("$N, $T.of($N.get($N)), $N.open($N)",
              key, RuntimeTypes.OPTIONAL, values, v, state, key))), key);
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
      guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(),
          CodeBlock.of("$N, $T.empty(), $N.openTimingOut($N)",
              idle, RuntimeTypes.OPTIONAL, state, t))), idle);
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
        guard(code, snapshots, CodeBlock.of("$N = $L", snapshot, calls.call(snapshots.method(),
            CodeBlock.of("$N, $N.state($N)", stateKey, state, e))), stateKey);
        consume(code, step.next(), snapshot);
        code.endControlFlow();
      }
    }

    /** The reduce side of a combining shuffle: one record per key (or one per batch). */
    private void reduced(CodeBlock.Builder code, String merged) {
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
          guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(),
              CodeBlock.of("$N", count))), count);
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
                    "$N = $L",
                    record,
                    calls.call(head.method(), CodeBlock.of("$N, $L", key, entry))),
                key);
          } else {
            code.add(
                "// $L: $L with $L\n",
                head.name(),
                head.kind().family() == Family.COMBINE
                    ? "combined"
                    : "reduced",
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
     * The reduce side of a grouping shuffle: one call per key, or per joined pair; a windowed group
     * adds the batch to its window first and calls at a slide.
     */
    private void groups(CodeBlock.Builder code, String groups) {
      Stage head = segment.head();
      if (head.kind().isWindowed()) {
        groupsWindow(code, groups);
        return;
      }
      OperatorSpec.Grouping spec = head.spec(OperatorSpec.Grouping.class);
      String i = locals.newName("i", "i");
      String n = locals.newName("n", "n");
      String key = locals.newName("key", "key");
      code.beginControlFlow(
          "for (int $N = 0, $N = $N.size(); $N < $N; $N++)", i, n, groups, i, n, i);
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
        guard(code, head, CodeBlock.of("$N = $L", record, calls.call(head.method(), arguments)),
            key);
        consume(code, segment.steps(), record);
      }
      code.endControlFlow();
    }

    /**
     * The pairs of one key of a join, in Spark's order (every left value with every right value);
     * an outer side with no values gives one call per value of the other side with an empty side.
     */
    private void join(
        CodeBlock.Builder code, OperatorSpec.Join spec, String groups, String i, String key) {
      Stage head = segment.head();
      String left = locals.newName("left", "left");
      String right = locals.newName("right", "right");
      code.addStatement(
          "$T $N = $N.left($N)", RuntimeTypes.listOf(spec.value()), left, groups, i);
      code.addStatement(
          "$T $N = $N.right($N)", RuntimeTypes.listOf(spec.right()), right, groups, i);
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
        emit(code, head, emitter, CodeBlock.of("$N, $L, $T.empty()", key,
            side(leftOptional, CodeBlock.of("$N.get($N)", left, a)), RuntimeTypes.OPTIONAL), key);
        code.endControlFlow();
        code.endControlFlow();
      }
      if (leftOptional) {
        code.beginControlFlow("if ($N.isEmpty())", left);
        code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", b, b, right, b);
        emit(code, head, emitter, CodeBlock.of("$N, $T.empty(), $L", key, RuntimeTypes.OPTIONAL,
            side(rightOptional, CodeBlock.of("$N.get($N)", right, b))), key);
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

    /** Declares the parameters; returns the name of the one the segment reads. */
    private String parameters() {
      for (SegmentInput input : segment.inputs()) {
        method.addParameter(
            signature.type(input), locals.newName(signature.name(input), signature.tag(input)));
      }
      return locals.get(SegmentSignature.SOURCE);
    }

    private String combinesText() {
      Stage head = segment.head();
      String reads =
          switch (head.kind().family()) {
            case INPUT -> "";
            case UNION ->
                ", reading " + String.join(" and ", head.from()) + " partition after partition";
            case PARTITION, TRANSFORM -> ", reading " + head.from().get(0);
            case WINDOW -> ", windowing " + head.from().get(0);
            case REPARTITION -> ", reading the records dealt to it";
            case AGGREGATE, COMBINE, GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
                ", reading the reduce side of " + head.name();
            case NARROW, SNAPSHOTS, OUTPUT ->
                throw new IllegalArgumentException(head.name() + " heads no segment");
          };
      List<String> into = new ArrayList<>();
      for (Step step : segment.allSteps()) {
        if (step.role() == Step.Role.COMBINE || step.role() == Step.Role.DEAL) {
          String name = step.stage().name();
          if (!into.contains(name)) {
            into.add(name);
          }
        }
      }
      List<String> kept =
          segment.steps(Step.Role.MATERIALIZE).stream().map(step -> step.stage().name()).toList();
      return reads
          + (into.isEmpty() ? "" : ", combining into the map side of " + String.join(" and ", into))
          + (kept.isEmpty() ? "" : ", keeping the partitions of " + String.join(" and ", kept));
    }

    /**
     * Declares one emitter per flat-mapping stage (and per join or map-partitions head), once per
     * task. A nested emitter comes first, since the enclosing lambda refers to it.
     */
    private void declareEmitters(CodeBlock.Builder code) {
      Stage head = segment.head();
      if (head.kind() == StageKind.MAP_PARTITIONS || head.kind() == StageKind.JOIN) {
        String emitter = locals.newName(head.name(), "emitter:" + head.name());
        String emitted = locals.newName(ProgramNames.singular(head.name()), "emitted:" + head.name());
        List<Step> flatMaps = flatMaps();
        declare(code, flatMaps);
        code.add(
            "$T $N = $N -> {\n$>",
            ParameterizedTypeName.get(RuntimeTypes.EMITTER, head.outputType().box()),
            emitter,
            emitted);
        consume(code, segment.steps(), emitted);
        code.add("$<};\n");
        return;
      }
      declare(code, flatMaps());
    }

    private List<Step> flatMaps() {
      List<Step> flatMaps =
          new ArrayList<>(
              segment.allSteps().stream()
                  .filter(
                      step ->
                          step.role() == Step.Role.TRANSFORM
                              && (step.stage().kind() == StageKind.FLAT_MAP
                                  || step.stage().kind() == StageKind.FLAT_MAP_VALUES))
                  .toList());
      for (Step flatMap : flatMaps) {
        locals.newName(flatMap.stage().name(), "emitter:" + flatMap.stage().name());
        locals.newName(
            ProgramNames.singular(flatMap.stage().name()), "emitted:" + flatMap.stage().name());
      }
      Collections.reverse(flatMaps);
      return flatMaps;
    }

    private void declare(CodeBlock.Builder code, List<Step> flatMaps) {
      for (Step flatMap : flatMaps) {
        Stage stage = flatMap.stage();
        String emitted = locals.get("emitted:" + stage.name());
        String emitter = locals.get("emitter:" + stage.name());
        if (stage.kind() == StageKind.FLAT_MAP_VALUES) {
          OperatorSpec.Values values = stage.spec(OperatorSpec.Values.class);
          code.add(
              "$T $N = new $T<>($N -> {\n$>",
              ParameterizedTypeName.get(
                  RuntimeTypes.VALUE_EMITTER, values.key(), values.produced()),
              emitter,
              RuntimeTypes.VALUE_EMITTER,
              emitted);
          consume(code, flatMap.next(), emitted);
          code.add("$<});\n");
        } else {
          code.add(
              "$T $N = $N -> {\n$>",
              ParameterizedTypeName.get(RuntimeTypes.EMITTER, stage.outputType()),
              emitter,
              emitted);
          consume(code, flatMap.next(), emitted);
          code.add("$<};\n");
        }
      }
    }

    /** Pushes {@code record} through {@code steps}. */
    private void consume(CodeBlock.Builder code, List<Step> steps, String record) {
      for (Step step : steps) {
        Stage stage = step.stage();
        switch (step.role()) {
          case TRANSFORM -> transform(code, step, record);
          // runs once per key after the batch's calls, written by the reduce side of mapWithState
          case SNAPSHOT -> {}
          case COLLECT -> {
            code.add(
                "// $L: output, default sink $L\n", stage.name(), calls.describe(stage.method()));
            code.addStatement("$N.add($N)", locals.get(step), record);
          }
          case MATERIALIZE -> {
            code.add("// kept for the segments reading $L's partitions\n", stage.name());
            code.addStatement("$N.add($N)", locals.get(step), record);
          }
          case DEAL -> {
            calls.comment(code, stage, ", dealt round robin");
            String result = locals.newName(stage.name(), "record:" + stage.name());
            code.addStatement("$T $N", stage.outputType(), result);
            guard(code, stage, CodeBlock.of("$N = $L", result, call(stage, record)), record);
            code.addStatement("$N.deal($N)", locals.get(step), result);
          }
          case COMBINE -> combine(code, step, record);
        }
      }
    }

    private void combine(CodeBlock.Builder code, Step step, String record) {
      Stage stage = step.stage();
      String row = locals.get(step);
      String side = stage.kind().isBinary() ? (step.side() == 0 ? " left" : " right") : "";
      calls.comment(code, stage, side + ", map side");
      CodeBlock body =
          switch (stage.kind().family()) {
            case AGGREGATE ->
                switch (Aggregation.of(stage.kind())) {
                  case COUNT ->
                      CodeBlock.builder()
                          .addStatement("$N($N[0], null, 1L)", names.combine(stage), row)
                          .build();
                  case REDUCE ->
                      CodeBlock.builder()
                          .addStatement("$N($N[0], null, $N)", names.combine(stage), row, record)
                          .build();
                  case COUNT_BY_VALUE ->
                      CodeBlock.builder()
                          .addStatement(
                              "$N($N[$T.partition($N, $N.length)], $N, 1L)",
                              names.combine(stage),
                              row,
                              RuntimeTypes.PARTITIONER,
                              record,
                              row,
                              record)
                          .build();
                  case BY_KEY -> combineByKey(step, stage.reduce().key(), record);
                };
            case COMBINE -> combineByKey(step, stage.reduce().key(), record);
            case GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
                appendByKey(step, stage.spec(OperatorSpec.Grouping.class).key(), record);
            case INPUT, NARROW, SNAPSHOTS, PARTITION, TRANSFORM, REPARTITION, WINDOW, OUTPUT,
                UNION ->
                throw new IllegalArgumentException(stage.name() + " has no map side");
          };
      UserCalls.guard(code, body, Throws.UNCHECKED, stage.name(), record, exception);
    }

    /** Combines a {@code KV} record's value into the buffer of its key's partition. */
    private CodeBlock combineByKey(Step step, TypeName keyType, String record) {
      Stage stage = step.stage();
      String row = locals.get(step);
      String key = locals.newName("key", "key:" + stage.name() + step.side());
      return CodeBlock.builder()
          .addStatement("$T $N = $N.key()", keyType, key, record)
          .addStatement(
              "$N($N[$T.partition($N, $N.length)], $N, $N.value())",
              names.combine(stage),
              row,
              RuntimeTypes.PARTITIONER,
              key,
              row,
              key,
              record)
          .build();
    }

    /** Appends a {@code KV} record's value to the buffer of its key's partition. */
    private CodeBlock appendByKey(Step step, TypeName keyType, String record) {
      String row = locals.get(step);
      String key = locals.newName("key", "key:" + step.stage().name() + step.side());
      return CodeBlock.builder()
          .addStatement("$T $N = $N.key()", keyType, key, record)
          .addStatement(
              "$N[$T.partition($N, $N.length)].add($N, $N.value())",
              row,
              RuntimeTypes.PARTITIONER,
              key,
              row,
              key,
              record)
          .build();
    }

    private void transform(CodeBlock.Builder code, Step step, String record) {
      Stage stage = step.stage();
      calls.comment(code, stage, "");
      switch (stage.kind()) {
        case MAP -> {
          String result = locals.newName(stage.name(), "record:" + stage.name());
          code.addStatement("$T $N", stage.outputType(), result);
          guard(code, stage, CodeBlock.of("$N = $L", result, call(stage, record)), record);
          consume(code, step.next(), result);
        }
        case MAP_VALUES -> {
          String result = locals.newName(stage.name(), "record:" + stage.name());
          code.addStatement("$T $N", stage.outputType(), result);
          guard(
              code,
              stage,
              CodeBlock.of(
                  "$N = $T.of($N.key(), $L)",
                  result,
                  RuntimeTypes.KV,
                  record,
                  calls.call(stage.method(), CodeBlock.of("$N.value()", record))),
              record);
          consume(code, step.next(), result);
        }
        case FILTER -> {
          String keep = locals.newName(stage.name(), "record:" + stage.name());
          code.addStatement("boolean $N", keep);
          guard(code, stage, CodeBlock.of("$N = $L", keep, call(stage, record)), record);
          code.beginControlFlow("if ($N)", keep);
          consume(code, step.next(), record);
          code.endControlFlow();
        }
        case FLAT_MAP -> {
          CodeBlock arguments =
              CodeBlock.of("$N, $N", record, locals.get("emitter:" + stage.name()));
          guard(code, stage, calls.call(stage.method(), arguments), record);
        }
        case FLAT_MAP_VALUES -> {
          String emitter = locals.get("emitter:" + stage.name());
          code.addStatement("$N.key($N.key())", emitter, record);
          guard(
              code,
              stage,
              calls.call(stage.method(), CodeBlock.of("$N.value(), $N", record, emitter)),
              record);
        }
        case INPUT, MAP_PARTITIONS, TRANSFORM, REPARTITION, COUNT, COUNT_BY_VALUE, REDUCE,
            REDUCE_BY_KEY, COMBINE_BY_KEY, GROUP_BY_KEY, JOIN, COGROUP, WINDOW,
            REDUCE_BY_KEY_AND_WINDOW, REDUCE_BY_WINDOW, COUNT_BY_WINDOW, GROUP_BY_KEY_AND_WINDOW,
            COUNT_BY_VALUE_AND_WINDOW, UPDATE_STATE_BY_KEY, MAP_WITH_STATE, STATE_SNAPSHOTS, OUTPUT,
            UNION ->
            throw new IllegalArgumentException("not fused record by record: " + stage);
      }
    }

    private CodeBlock call(Stage stage, String record) {
      return calls.call(stage.method(), CodeBlock.of("$N", record));
    }

    private void guard(CodeBlock.Builder code, Stage stage, CodeBlock statement, String record) {
      UserCalls.guard(
          code,
          CodeBlock.builder().addStatement(statement).build(),
          stage.method().throwsKind(),
          stage.name(),
          record,
          exception);
    }
  }
}
