package dev.sluice.processor.plan;

import dev.sluice.processor.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One stage fused into a segment's loop, with the steps that consume its records in the same loop.
 * The steps of a segment form a tree: a stage with several consumers fans out.
 *
 * @param stage the stage
 * @param role what the segment does for it
 * @param next the steps reading its records in this segment, in declaration order; empty unless the
 *     role {@linkplain Role#computes() computes} records
 * @param side for a {@link Role#COMBINE} into a join or cogroup, 0 for its left side and 1 for its
 *     right; otherwise 0
 */
public record Step(Stage stage, Role role, List<Step> next, int side) {

  /** What a segment does for a stage. */
  public enum Role {
    /** Calls a narrow operator ({@code @Map}, {@code @Filter}, {@code @FlatMap}) per record. */
    TRANSFORM,
    /** Adds each record to an output's list. */
    COLLECT,
    /**
     * Sends each record into the map side of a shuffle that a later segment reads: combined per
     * key, or appended per key for a grouping operator.
     */
    COMBINE,
    /** Calls a {@code @Repartition} method per record and deals its results round robin. */
    DEAL,
    /**
     * Keeps the records of the step's stage per partition, for a later union, {@code mapPartitions}
     * or {@code transform} reading them.
     */
    MATERIALIZE,
    /**
     * Calls a {@code @StateSnapshots} method once per key of its {@code @MapWithState} stage's
     * state, after the batch's calls, not per record.
     */
    SNAPSHOT;

    /** Whether the step computes its stage's records in the segment, for steps after it. */
    public boolean computes() {
      return switch (this) {
        case TRANSFORM, SNAPSHOT -> true;
        case COLLECT, COMBINE, DEAL, MATERIALIZE -> false;
      };
    }

    /** Whether the step calls its stage's method in the segment's loop. */
    public boolean callsMethod() {
      return switch (this) {
        case TRANSFORM, SNAPSHOT, COMBINE, DEAL -> true;
        case COLLECT, MATERIALIZE -> false;
      };
    }

    /** Whether the step's stage is part of the segment's name: it computes or collects records. */
    public boolean named() {
      return computes() || this == COLLECT;
    }
  }

  /** A step on side 0. */
  public Step(Stage stage, Role role, List<Step> next) {
    this(stage, role, next, 0);
  }

  /** Copies the list; only transforms have next steps. */
  public Step {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(role, "role");
    next = List.copyOf(next);
    if (!role.computes() && !next.isEmpty()) {
      throw new IllegalArgumentException(role + " step " + stage.name() + " has next steps");
    }
  }

  /** This step and every step below it, depth first, in order. */
  public List<Step> flatten() {
    List<Step> steps = new ArrayList<>();
    steps.add(this);
    next.forEach(step -> steps.addAll(step.flatten()));
    return steps;
  }
}
