package dev.sluice.runtime.internal;

import dev.sluice.runtime.internal.snapshot.StageState;
import java.util.List;

/**
 * A compiled pipeline as the engine runs it: its inputs, its segments in execution order, and its
 * outputs. The processor generates one subclass per pipeline; it owns the typed shuffle buffers
 * between segments, sized for the parallelism it was created with.
 *
 * <p>Per batch the engine runs every segment in list order; all tasks of a segment finish before
 * any task of the next one starts, so a segment may read what earlier segments wrote. Batches run
 * one after another.
 *
 * <p><b>Threads:</b> {@link #runTask} is called from worker threads, concurrently for different
 * partitions of the same segment. Task {@code (segment, partition)} may write only the buffers that
 * belong to that partition (its row of a shuffle on the map side, its column on the reduce side).
 * <b>Visibility:</b> the engine hands tasks to workers and completions back through queues, so
 * everything a task wrote happens-before every task of a later segment or batch.
 */
public abstract class PipelineProgram {

  private final String name;
  private final List<InputSlot> inputs;
  private final List<SegmentSlot> segments;
  private final List<OutputSlot> outputs;

  protected PipelineProgram(
      String name, List<InputSlot> inputs, List<SegmentSlot> segments, List<OutputSlot> outputs) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
    this.segments = List.copyOf(segments);
    this.outputs = List.copyOf(outputs);
  }

  /** The pipeline's name: the simple name of the annotated class. */
  public final String name() {
    return name;
  }

  /** The inputs, indexed as in {@link TaskContext#input}. */
  public final List<InputSlot> inputs() {
    return inputs;
  }

  /** The segments in execution order, indexed as in {@link #runTask}. */
  public final List<SegmentSlot> segments() {
    return segments;
  }

  /** The outputs in declaration order, indexed as in {@link TaskContext#output}. */
  public final List<OutputSlot> outputs() {
    return outputs;
  }

  /**
   * The stores of every stateful stage (state stores and windows) with their codecs, for state
   * snapshots; empty for a pipeline without state. Generated programs list them. {@code null}, the
   * default, says the program cannot list them: its checkpoints then take no snapshots and a
   * restart rebuilds state by replaying the whole batch log.
   */
  public List<StageState<?, ?>> stageStates() {
    return null;
  }

  /**
   * Runs task {@code partition} of segment {@code segment} for the batch of {@code context}.
   *
   * @throws StageFailure when a user method throws; it names the stage and the record
   */
  public abstract void runTask(int segment, int partition, TaskContext context);
}
