package dev.sluice.processor.plan;

import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of fused stages between shuffle boundaries: one loop over the records of its head, which is
 * an {@code @Input} or the reduce side of a {@code @ReduceByKey}, pushing each record through
 * {@link #steps()}.
 *
 * @param index the position in execution order
 * @param head the stage whose records the loop reads
 * @param steps the steps consuming the head's records
 * @param partitions how many tasks the segment runs per batch; 0 means the parallelism
 */
public record Segment(int index, Stage head, List<Step> steps, int partitions) {

  /** Copies the list and checks the head starts a segment. */
  public Segment {
    Objects.requireNonNull(head, "head");
    steps = List.copyOf(steps);
    if (!head.kind().startsSegment()) {
      throw new IllegalArgumentException(head.name() + " cannot start a segment");
    }
  }

  /** Whether the head is an input (otherwise the reduce side of a shuffle). */
  public boolean readsInput() {
    return head.kind() == StageKind.INPUT;
  }

  /** Every step, depth first, in order. */
  public List<Step> allSteps() {
    List<Step> all = new ArrayList<>();
    steps.forEach(step -> all.addAll(step.flatten()));
    return all;
  }

  /** The steps with {@code role}, depth first. */
  public List<Step> steps(Step.Role role) {
    return allSteps().stream().filter(step -> step.role() == role).toList();
  }

  /**
   * The name for logs and metrics: the stages the loop runs, {@code lines -> words -> pairs}; a
   * fan-out lists its branches, {@code lines -> [upper -> shout, lower]}. Map-side combines belong
   * to the next segment's name.
   */
  public String name() {
    return head.name() + branches(steps, " -> ");
  }

  /** The method name for the loop: its stages joined with {@code _}, depth first. */
  public String methodName() {
    StringBuilder name = new StringBuilder(head.name());
    for (Step step : allSteps()) {
      if (step.role() != Step.Role.COMBINE) {
        name.append('_').append(step.stage().name());
      }
    }
    return name.toString();
  }

  private static String branches(List<Step> steps, String arrow) {
    List<String> named = new ArrayList<>();
    for (Step step : steps) {
      if (step.role() != Step.Role.COMBINE) {
        named.add(step.stage().name() + branches(step.next(), " -> "));
      }
    }
    if (named.isEmpty()) {
      return "";
    }
    return arrow + (named.size() == 1 ? named.get(0) : "[" + String.join(", ", named) + "]");
  }
}
