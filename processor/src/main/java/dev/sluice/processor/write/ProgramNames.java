package dev.sluice.processor.write;

import com.palantir.javapoet.NameAllocator;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.plan.ExecutionPlan;
import dev.sluice.processor.plan.Materialized;
import dev.sluice.processor.plan.Segment;
import dev.sluice.processor.plan.Shuffle;
import java.util.ArrayList;
import java.util.List;

/**
 * The member names of a generated program class, allocated once so that they never clash with each
 * other, with inherited members, or with the locals of any method (each method's locals come from
 * {@link #locals()}, which reserves every field name).
 */
final class ProgramNames {

  private final NameAllocator members = new NameAllocator();
  private final List<String> fields = new ArrayList<>();

  ProgramNames(ExecutionPlan plan) {
    for (String inherited :
        List.of("runTask", "name", "inputs", "segments", "outputs", "stageStates")) {
      members.newName(inherited, inherited);
    }
    fields.add(members.newName("pipeline", "pipeline"));
    fields.add(members.newName("parallelism", "parallelism"));
    for (Shuffle shuffle : plan.shuffles()) {
      Stage stage = shuffle.reduce();
      String reduce = stage.name();
      fields.add(members.newName(reduce + "Shuffle", tag("shuffle", stage)));
      if (stage.kind().combines()) {
        members.newName("new" + capitalized(reduce) + "Shuffle", tag("new", stage));
        members.newName("combine" + capitalized(reduce), tag("combine", stage));
        members.newName("merge" + capitalized(reduce), tag("merge", stage));
        if (stage.kind() == StageKind.COMBINE_BY_KEY) {
          members.newName("mergeCombiners" + capitalized(reduce), tag("combiners", stage));
        }
      }
    }
    for (Stage windowed : plan.windowed()) {
      String name = windowed.name();
      fields.add(members.newName(name + "Window", tag("window", windowed)));
      fields.add(members.newName(name + "Spec", tag("spec", windowed)));
      members.newName(name + "Reduce", tag("reduce", windowed));
      members.newName(name + "Inverse", tag("inverse", windowed));
      members.newName(name + "Filter", tag("filter", windowed));
    }
    for (Stage stateful : plan.stateful()) {
      fields.add(members.newName(stateful.name() + "State", tag("state", stateful)));
      members.newName(stateful.name() + "Update", tag("update", stateful));
    }
    for (Materialized kept : plan.materialized()) {
      fields.add(
          members.newName(
              Segment.identifier(kept.stage()) + "Partitions", tag("parts", kept.stage())));
    }
    for (Segment segment : plan.segments()) {
      Stage head = segment.head();
      if (head.kind() == StageKind.UNION) {
        members.newName("partOf" + capitalized(Segment.identifier(head)), tag("helper", head));
      } else if (head.kind() == StageKind.TRANSFORM || head.kind() == StageKind.WINDOW) {
        members.newName("batchOf" + capitalized(head.name()), tag("helper", head));
      }
    }
    for (Segment segment : plan.segments()) {
      members.newName(segment.methodName(), segment);
    }
  }

  /** The field holding the parallelism the program was made for. */
  String parallelism() {
    return members.get("parallelism");
  }

  /** The method merging a column of combiners into {@code reduce} (a combine by key). */
  String mergeCombiners(Stage reduce) {
    return members.get(tag("combiners", reduce));
  }

  /** The field keeping {@code stage}'s records per partition. */
  String partitions(Stage stage) {
    return members.get(tag("parts", stage));
  }

  /** The method giving a union's or transform's {@code head} its records. */
  String helper(Stage head) {
    return members.get(tag("helper", head));
  }

  /** The field holding the window stores of {@code windowed}, one per task. */
  String window(Stage windowed) {
    return members.get(tag("window", windowed));
  }

  /** The field holding the window spec of {@code windowed}. */
  String spec(Stage windowed) {
    return members.get(tag("spec", windowed));
  }

  /**
   * The method {@code function} ({@code reduce}, {@code inverse} or {@code filter}) of a window.
   */
  String windowFunction(Stage windowed, String function) {
    return members.get(tag(function, windowed));
  }

  /** The field holding the state stores of {@code stateful}, one per task. */
  String state(Stage stateful) {
    return members.get(tag("state", stateful));
  }

  /** The method through which the state stores of {@code stateful} call its function. */
  String update(Stage stateful) {
    return members.get(tag("update", stateful));
  }

  /** The field holding the pipeline instance. */
  String instance() {
    return members.get("pipeline");
  }

  /** The field holding the buffers of the shuffle (or exchange) into {@code reduce}. */
  String shuffle(Stage reduce) {
    return members.get(tag("shuffle", reduce));
  }

  /** The static method allocating the buffers of the shuffle into {@code reduce}. */
  String newShuffle(Stage reduce) {
    return members.get(tag("new", reduce));
  }

  /** The method combining one value into a buffer of {@code reduce}. */
  String combine(Stage reduce) {
    return members.get(tag("combine", reduce));
  }

  /** The method merging a column of the shuffle into {@code reduce}. */
  String merge(Stage reduce) {
    return members.get(tag("merge", reduce));
  }

  /** The method running {@code segment}'s loop. */
  String segment(Segment segment) {
    return members.get(segment);
  }

  /** A fresh allocator for one method's locals and parameters, with every field name reserved. */
  NameAllocator locals() {
    NameAllocator locals = new NameAllocator();
    fields.forEach(field -> locals.newName(field, "field:" + field));
    return locals;
  }

  /** {@code words} gives {@code word}; a name not ending in one {@code s} gains {@code Record}. */
  static String singular(String plural) {
    if (plural.length() > 1 && plural.endsWith("s") && !plural.endsWith("ss")) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural + "Record";
  }

  static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String tag(String member, Stage reduce) {
    return member + ":" + reduce.name();
  }
}
