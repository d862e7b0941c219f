package dev.sluice.processor.plan;

import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import java.util.List;

/**
 * How a pipeline runs each batch: its segments in execution order, every shuffle's writer before
 * its reader, and the shuffles between them.
 *
 * @param graph the pipeline
 * @param segments the segments in execution order
 * @param shuffles the shuffles, in the order of their reading segments
 */
public record ExecutionPlan(PipelineGraph graph, List<Segment> segments, List<Shuffle> shuffles) {

  /** Copies the lists. */
  public ExecutionPlan {
    segments = List.copyOf(segments);
    shuffles = List.copyOf(shuffles);
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
        .anyMatch(step -> step.role() != Step.Role.COLLECT && !step.stage().method().isStatic());
  }
}
