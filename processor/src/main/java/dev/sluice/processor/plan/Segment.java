package dev.sluice.processor.plan;

import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of fused stages between shuffle boundaries: one loop over the records of its head, which is
 * an {@code @Input}, a union, or a stage reading another segment's records (the reduce side of a
 * shuffle, a repartition, a {@code mapPartitions} or {@code transform}), pushing each record
 * through {@link #steps()}.
 *
 * @param index the position in execution order
 * @param head the stage whose records the loop reads
 * @param steps the steps consuming the head's records
 * @param partitions how many tasks the segment runs per batch beyond {@code perParallelism} times
 *     the parallelism
 * @param perParallelism how many times the parallelism the segment runs tasks per batch
 * @param inputs what the segment's method reads, in the order of its parameters
 */
public record Segment(
    int index,
    Stage head,
    List<Step> steps,
    int partitions,
    int perParallelism,
    List<SegmentInput> inputs) {

  /** A segment of the given tasks, its inputs planned from its head and steps. */
  public Segment(int index, Stage head, List<Step> steps, int partitions, int perParallelism) {
    this(index, head, steps, partitions, perParallelism, SegmentInput.of(head, steps));
  }

  /** A segment of {@code partitions} tasks, or of the parallelism when 0. */
  public Segment(int index, Stage head, List<Step> steps, int partitions) {
    this(index, head, steps, partitions, partitions == 0 ? 1 : 0);
  }

  /** Copies the lists and checks the head starts a segment. */
  public Segment {
    Objects.requireNonNull(head, "head");
    steps = List.copyOf(steps);
    inputs = List.copyOf(inputs);
    if (!head.kind().startsSegment() || partitions < 0 || perParallelism < 0) {
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
   * fan-out lists its branches, {@code lines -> [upper -> shout, lower]}. Map sides of shuffles and
   * materialized records belong to the next segment's name.
   */
  public String name() {
    return head.name() + branches(steps, " -> ");
  }

  /** The method name for the loop: its stages joined with {@code _}, depth first. */
  public String methodName() {
    StringBuilder name = new StringBuilder(identifier(head));
    for (Step step : allSteps()) {
      if (step.role().named()) {
        name.append('_').append(step.stage().name());
      }
    }
    return name.toString();
  }

  /**
   * A stage's name as a Java identifier: its name, or for a union {@code union} followed by what it
   * reads, {@code unionLinesWords}.
   */
  public static String identifier(Stage stage) {
    if (stage.kind() != StageKind.UNION) {
      return stage.name();
    }
    StringBuilder name = new StringBuilder("union");
    for (String source : stage.from()) {
      name.append(Character.toUpperCase(source.charAt(0))).append(source.substring(1));
    }
    return name.toString();
  }

  private static String branches(List<Step> steps, String arrow) {
    List<String> named = new ArrayList<>();
    for (Step step : steps) {
      if (step.role().named()) {
        named.add(step.stage().name() + branches(step.next(), " -> "));
      }
    }
    if (named.isEmpty()) {
      return "";
    }
    return arrow + (named.size() == 1 ? named.get(0) : "[" + String.join(", ", named) + "]");
  }
}
