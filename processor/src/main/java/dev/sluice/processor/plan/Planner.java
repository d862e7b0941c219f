package dev.sluice.processor.plan;

import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a pipeline into segments at its shuffle boundaries.
 *
 * <p>A segment starts at an {@code @Input} or at the reduce side of a {@code @ReduceByKey}. Narrow
 * stages fuse into the segment of the stage they read; a stage read by several stages fans out
 * inside the same loop; an {@code @Output} collects where it reads; a {@code @ReduceByKey} ends its
 * input's segment with a map-side combine and heads a segment of its own. Stages that no output
 * reads are dead and left out, as in Spark.
 *
 * <p>Segments run in an order where every shuffle's writer comes before its reader; among the
 * segments ready to run, the one whose head was declared first goes first.
 */
public final class Planner {

  private Planner() {}

  /** The plan of {@code graph}, which must be valid (acyclic, each stage reading one stage). */
  public static ExecutionPlan plan(PipelineGraph graph) {
    Set<String> live = graph.wiring().feeding(graph.outputs().stream().map(Stage::name).toList());
    List<Stage> heads =
        graph.stages().stream()
            .filter(stage -> stage.kind().startsSegment() && live.contains(stage.name()))
            .toList();

    Map<String, List<Step>> stepsOf = new HashMap<>();
    Map<String, String> segmentOf = new HashMap<>();
    for (Stage head : heads) {
      List<Step> steps = steps(graph, head, live);
      stepsOf.put(head.name(), steps);
      segmentOf.put(head.name(), head.name());
      steps.forEach(
          step ->
              step.flatten().stream()
                  .filter(flat -> flat.role() != Step.Role.COMBINE)
                  .forEach(flat -> segmentOf.put(flat.stage().name(), head.name())));
    }

    List<Stage> ordered = order(heads, segmentOf);
    List<Segment> segments = new ArrayList<>();
    for (Stage head : ordered) {
      int partitions = head.kind() == StageKind.REDUCE_BY_KEY ? head.reduce().partitions() : 0;
      segments.add(new Segment(segments.size(), head, stepsOf.get(head.name()), partitions));
    }
    List<Shuffle> shuffles = new ArrayList<>();
    for (Segment segment : segments) {
      if (!segment.readsInput()) {
        String writer = segmentOf.get(segment.head().source());
        shuffles.add(new Shuffle(segment.head(), indexOf(ordered, writer), segment.index()));
      }
    }
    return new ExecutionPlan(graph, segments, shuffles);
  }

  /** The steps that consume {@code stage}'s records within its segment. */
  private static List<Step> steps(PipelineGraph graph, Stage stage, Set<String> live) {
    List<Step> steps = new ArrayList<>();
    for (Stage consumer : graph.consumers(stage.name())) {
      if (!live.contains(consumer.name())) {
        continue;
      }
      if (consumer.kind().isNarrow()) {
        steps.add(new Step(consumer, Step.Role.TRANSFORM, steps(graph, consumer, live)));
      } else if (consumer.kind() == StageKind.OUTPUT) {
        steps.add(new Step(consumer, Step.Role.COLLECT, List.of()));
      } else if (consumer.kind() == StageKind.REDUCE_BY_KEY) {
        steps.add(new Step(consumer, Step.Role.COMBINE, List.of()));
      } else {
        throw new IllegalArgumentException("cannot plan " + consumer.kind() + " " + consumer);
      }
    }
    return steps;
  }

  /**
   * Orders segment heads so that each reduce comes after the segment that writes its shuffle,
   * taking the first-declared ready head each time.
   */
  private static List<Stage> order(List<Stage> heads, Map<String, String> segmentOf) {
    List<Stage> ordered = new ArrayList<>();
    List<Stage> waiting = new ArrayList<>(heads);
    while (!waiting.isEmpty()) {
      Stage ready = null;
      for (Stage head : waiting) {
        if (head.kind() == StageKind.INPUT || indexOf(ordered, segmentOf.get(head.source())) >= 0) {
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
