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
                            step -> step.role().computes() && step.stage().name().equals(stage)))
        .findFirst();
  }

  /** Whether the program needs the parallelism after construction, to find a task's partition. */
  public boolean needsParallelism() {
    return segments.stream()
        .anyMatch(
            segment ->
                segment.head().kind() == StageKind.UNION
                    || segment.head().kind() == StageKind.TRANSFORM
                    || segment.head().kind() == StageKind.WINDOW);
  }

  /** The stages keeping state per key across batches, in execution order. */
  public List<Stage> stateful() {
    return segments.stream().map(Segment::head).filter(head -> head.kind().isStateful()).toList();
  }

  /** The windowed stages, in execution order: each heads a segment and keeps a window store. */
  public List<Stage> windowed() {
    return segments.stream().map(Segment::head).filter(head -> head.kind().isWindowed()).toList();
  }

  /**
   * The windowed stage whose slide {@code stage}'s records follow: itself if windowed, otherwise
   * the first one found upstream, or empty when it runs every batch.
   */
  public java.util.Optional<Stage> slideOf(String stage) {
    Stage at = graph.stage(stage);
    if (at.kind().isWindowed()) {
      return java.util.Optional.of(at);
    }
    for (String source : at.from()) {
      java.util.Optional<Stage> windowed = slideOf(source);
      if (windowed.isPresent()) {
        return windowed;
      }
    }
    return java.util.Optional.empty();
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
            .anyMatch(step -> step.role().callsMethod() && !step.stage().method().isStatic())
        || segments.stream()
            .map(Segment::head)
            .filter(head -> head.kind() != StageKind.INPUT && head.kind() != StageKind.UNION)
            .flatMap(head -> head.methods().stream())
            .anyMatch(method -> !method.isStatic());
  }
}
