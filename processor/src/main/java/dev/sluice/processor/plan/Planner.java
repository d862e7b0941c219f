package dev.sluice.processor.plan;

import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a pipeline into segments at its shuffle boundaries.
 *
 * <p>A stage that reads several stages reads their union: the planner puts a {@link
 * StageKind#UNION} stage in front of it. A segment starts at an {@code @Input}, a union, or any
 * stage that needs another segment's records first: the reduce side of a keyed aggregation or a
 * grouping operator, a repartition, a {@code mapPartitions} or a {@code transform}. Narrow stages
 * fuse into the segment of the stage they read; a stage read by several stages fans out inside the
 * same loop; an {@code @Output} collects where it reads; the map side of a shuffle combines (or
 * appends, or deals) in the writing loop; a stage that a union, {@code mapPartitions} or {@code
 * transform} reads is materialized per partition, unless it is an {@code @Input}, which they read
 * directly. Stages that no output reads are dead and left out, as in Spark; so is an input segment
 * with nothing to do.
 *
 * <p>Segments run in an order where every writer comes before its reader; among the segments ready
 * to run, the one whose head was declared first goes first.
 */
public final class Planner {

  private Planner() {}

  /** The plan of {@code graph}, which must be valid (acyclic, well typed). */
  public static ExecutionPlan plan(PipelineGraph declared) {
    PipelineGraph graph = withUnions(declared);
    Set<String> live = graph.wiring().feeding(graph.outputs().stream().map(Stage::name).toList());
    Map<String, List<Step>> stepsOf = new HashMap<>();
    Map<String, String> segmentOf = new HashMap<>();
    List<Stage> heads = new ArrayList<>();
    for (Stage head : graph.stages()) {
      if (!head.kind().startsSegment() || !live.contains(head.name())) {
        continue;
      }
      List<Step> steps = steps(graph, head, live);
      if (head.kind() == StageKind.INPUT && steps.isEmpty()) {
        continue; // read directly by unions, mapPartitions or transforms
      }
      heads.add(head);
      stepsOf.put(head.name(), steps);
      segmentOf.put(head.name(), head.name());
      steps.forEach(
          step ->
              step.flatten().stream()
                  .filter(flat -> flat.role().computes())
                  .forEach(flat -> segmentOf.put(flat.stage().name(), head.name())));
    }

    List<Stage> ordered = order(graph, heads, segmentOf);
    List<Segment> segments = new ArrayList<>();
    for (Stage head : ordered) {
      int[] tasks = tasks(graph, head, segmentOf, ordered, segments);
      segments.add(
          new Segment(segments.size(), head, stepsOf.get(head.name()), tasks[0], tasks[1]));
    }
    List<Shuffle> shuffles = new ArrayList<>();
    List<Materialized> materialized = new ArrayList<>();
    for (Segment segment : segments) {
      Stage head = segment.head();
      if (head.kind().combines() || head.kind().groups() || head.kind() == StageKind.REPARTITION) {
        int writer = indexOf(ordered, segmentOf.get(head.from().get(0)));
        int right =
            head.kind().isBinary() ? indexOf(ordered, segmentOf.get(head.from().get(1))) : -1;
        shuffles.add(new Shuffle(head, writer, segment.index(), right));
      }
      for (Step step : segment.steps(Step.Role.MATERIALIZE)) {
        materialized.add(new Materialized(step.stage(), segment.index()));
      }
    }
    return new ExecutionPlan(graph, segments, shuffles, materialized);
  }

  /**
   * The graph with a {@link StageKind#UNION} in front of every stage that reads several stages
   * (other than a join's two sides), named after what it reads: {@code union(a, b)}.
   */
  static PipelineGraph withUnions(PipelineGraph graph) {
    List<Stage> stages = new ArrayList<>();
    for (Stage stage : graph.stages()) {
      if (stage.kind().isBinary() || stage.from().size() < 2) {
        stages.add(stage);
        continue;
      }
      String union = "union(" + String.join(", ", stage.from()) + ")";
      if (stages.stream().noneMatch(added -> added.name().equals(union))) {
        stages.add(
            Stage.of(
                union,
                StageKind.UNION,
                stage.from(),
                stage.method(),
                stage.inputType(),
                stage.inputType(),
                OperatorSpec.NONE));
      }
      stages.add(
          Stage.of(
              stage.name(),
              stage.kind(),
              List.of(union),
              stage.method(),
              stage.inputType(),
              stage.outputType(),
              stage.spec()));
    }
    return new PipelineGraph(
        graph.pipelineClass(),
        graph.batchIntervalMillis(),
        graph.generateMain(),
        stages,
        graph.codecs());
  }

  /** The steps that consume {@code stage}'s records within its segment. */
  private static List<Step> steps(PipelineGraph graph, Stage stage, Set<String> live) {
    List<Step> steps = new ArrayList<>();
    boolean materialize = false;
    for (Stage consumer : graph.consumers(stage.name())) {
      if (!live.contains(consumer.name())) {
        continue;
      }
      List<Step> consuming =
          switch (consumer.kind().family()) {
            case NARROW ->
                List.of(new Step(consumer, Step.Role.TRANSFORM, steps(graph, consumer, live)));
            case SNAPSHOTS ->
                List.of(new Step(consumer, Step.Role.SNAPSHOT, steps(graph, consumer, live)));
            case OUTPUT -> List.of(new Step(consumer, Step.Role.COLLECT, List.of()));
            case AGGREGATE, COMBINE, GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
                mapSides(stage, consumer);
            case REPARTITION -> List.of(new Step(consumer, Step.Role.DEAL, List.of()));
            case UNION, PARTITION, TRANSFORM, WINDOW -> {
              // these read whole partitions or batches: an input's directly, others as kept
              materialize |= stage.kind() != StageKind.INPUT;
              yield List.of();
            }
            case INPUT ->
                throw new IllegalArgumentException("an input reads no stage: " + consumer);
          };
      steps.addAll(consuming);
    }
    if (materialize) {
      steps.add(new Step(stage, Step.Role.MATERIALIZE, List.of()));
    }
    return steps;
  }

  /** The map sides of {@code shuffled}'s shuffle that {@code stage} writes: one per side it is. */
  private static List<Step> mapSides(Stage stage, Stage shuffled) {
    List<Step> sides = new ArrayList<>();
    for (int side = 0; side < shuffled.from().size(); side++) {
      if (shuffled.from().get(side).equals(stage.name())) {
        sides.add(new Step(shuffled, Step.Role.COMBINE, List.of(), side));
      }
    }
    return sides;
  }

  /**
   * The task count of the segment {@code head} starts, as {@code {fixed, perParallelism}}: the
   * tasks are {@code fixed + perParallelism * parallelism}.
   */
  private static int[] tasks(
      PipelineGraph graph,
      Stage head,
      Map<String, String> segmentOf,
      List<Stage> ordered,
      List<Segment> segments) {
    return switch (head.kind().family()) {
      case INPUT -> new int[] {0, 1};
      case TRANSFORM, WINDOW -> new int[] {1, 0};
      case REPARTITION -> new int[] {head.spec(OperatorSpec.Repartition.class).partitions(), 0};
      case PARTITION -> sourceTasks(graph, head.from().get(0), segmentOf, ordered, segments);
      case UNION -> {
        int[] sum = {0, 0};
        for (String source : head.from()) {
          int[] tasks = sourceTasks(graph, source, segmentOf, ordered, segments);
          sum[0] += tasks[0];
          sum[1] += tasks[1];
        }
        yield sum;
      }
      // a count or reduce of the whole batch has one reduce partition
      case AGGREGATE, COMBINE -> partitions(head.reduce().partitions());
      case GROUP, JOIN, UPDATE_STATE, MAP_WITH_STATE ->
          partitions(head.spec(OperatorSpec.Grouping.class).partitions());
      case NARROW, SNAPSHOTS, OUTPUT ->
          throw new IllegalArgumentException(head.name() + " does not start a segment");
    };
  }

  /** The tasks of a shuffle's reduce side: {@code partitions}, or the parallelism when 0. */
  private static int[] partitions(int partitions) {
    return partitions > 0 ? new int[] {partitions, 0} : new int[] {0, 1};
  }

  /** The partitions of {@code source}'s records: an input's, or its segment's tasks. */
  private static int[] sourceTasks(
      PipelineGraph graph,
      String source,
      Map<String, String> segmentOf,
      List<Stage> ordered,
      List<Segment> segments) {
    if (graph.stage(source).kind() == StageKind.INPUT) {
      return new int[] {0, 1};
    }
    Segment writer = segments.get(indexOf(ordered, segmentOf.get(source)));
    return new int[] {writer.partitions(), writer.perParallelism()};
  }

  /**
   * The segments whose records {@code head} reads: none for an input, or an input read directly.
   */
  private static Set<String> dependencies(
      PipelineGraph graph, Stage head, Map<String, String> segmentOf) {
    Set<String> dependencies = new LinkedHashSet<>();
    for (String source : head.from()) {
      if (graph.stage(source).kind() != StageKind.INPUT) {
        dependencies.add(segmentOf.get(source));
      }
    }
    return dependencies;
  }

  /**
   * Orders segment heads so that each comes after the segments whose records it reads, taking the
   * first-declared ready head each time.
   */
  private static List<Stage> order(
      PipelineGraph graph, List<Stage> heads, Map<String, String> segmentOf) {
    List<Stage> ordered = new ArrayList<>();
    List<Stage> waiting = new ArrayList<>(heads);
    while (!waiting.isEmpty()) {
      Stage ready = null;
      for (Stage head : waiting) {
        boolean met = true;
        for (String dependency : dependencies(graph, head, segmentOf)) {
          met &= indexOf(ordered, dependency) >= 0;
        }
        if (met) {
          ready = head;
          break;
        }
      }
      if (ready == null) {
        throw new IllegalArgumentException("segments wait on each other: " + waiting);
      }
      ordered.add(ready);
      waiting.remove(ready);
    }
    return ordered;
  }

  private static int indexOf(List<Stage> heads, String name) {
    for (int i = 0; i < heads.size(); i++) {
      if (heads.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
