package dev.sluice.processor.plan;

import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import java.util.List;

/**
 * How a pipeline runs each batch: its segments in execution order, every shuffle's writer before
 * its reader, and the shuffles between them.
 *
 * @param graph the pipeline
 * @param segments the segments in execution order
 * @param shuffles the shuffles, in the order of their reading segments
 * @param materialized the stages kept per partition for a later segment, in the order of their
 *     writing segments
 */
public record ExecutionPlan(
    PipelineGraph graph,
    List<Segment> segments,
    List<Shuffle> shuffles,
    List<Materialized> materialized) {

  /** Copies the lists. */
  public ExecutionPlan {
    segments = List.copyOf(segments);
    shuffles = List.copyOf(shuffles);
    materialized = List.copyOf(materialized);
  }

  /** The segment computing {@code stage}'s records, if one does (not an input read directly). */
  public java.util.Optional<Segment> segmentComputing(String stage) {
    return segments.stream()
        .filter(
            segment ->
                segment.head().name().equals(stage)
                    || segment.allSteps().stream()
                        .anyMatch(
                            step ->
                                step.role() == Step.Role.TRANSFORM
                                    && step.stage().name().equals(stage)))
        .findFirst();
  }

  /** Whether the program needs the parallelism after construction, to find a task's partition. */
  public boolean needsParallelism() {
    return segments.stream().anyMatch(segment -> segment.head().kind() == StageKind.UNION
        || segment.head().kind() == StageKind.TRANSFORM);
  }

  /** The position of {@code input} among the pipeline's inputs. */
  public int inputIndex(Stage input) {
    return graph.inputs().indexOf(input);
  }

  /** The position of {@code output} among the pipeline's outputs. */
  public int outputIndex(Stage output) {
    return graph.outputs().indexOf(output);
  }

  /** Whether a method called per record (not an input's or output's default) is an instance one. */
  public boolean operatorsNeedInstance() {
    return segments.stream()
        .flatMap(segment -> segment.allSteps().stream())
        .anyMatch(step -> calls(step.role()) && !step.stage().method().isStatic())
        || segments.stream()
            .map(Segment::head)
            .anyMatch(
                head ->
                    head.kind() != StageKind.INPUT
                        && head.kind() != StageKind.UNION
                        && (!head.method().isStatic()
                            || (head.spec().create() != null && !head.spec().create().isStatic())
                            || (head.spec().mergeValue() != null
                                && !head.spec().mergeValue().isStatic())));
  }

  private static boolean calls(Step.Role role) {
    return role == Step.Role.TRANSFORM || role == Step.Role.COMBINE || role == Step.Role.DEAL;
  }
}
