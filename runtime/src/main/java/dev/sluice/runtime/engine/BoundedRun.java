package dev.sluice.runtime.engine;

import dev.sluice.api.BoundedSource;
import dev.sluice.api.Source;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.window.WindowSpec;
import java.util.List;

/**
 * When a bounded run ends: every input is a {@link BoundedSource}, and the run's last batch is the
 * last one with records plus the batches its windows need to drain, so that every window holding a
 * record is emitted, as a streaming run would emit it over the empty batches that follow.
 *
 * <p>A record stays in a window of length {@code L} batches for {@code L - 1} batches after its
 * own, and a window of a window passes it on for as long again, so the run goes on for the sum of
 * {@code L - 1} over the program's windows: exact for one window or a chain of them, and for
 * windows side by side long enough for the longest (the others then emit empty windows, as they
 * would when streaming). A run whose inputs gave no record at all runs one batch. State is not
 * drained: a {@code mapWithState} timeout that would fire later does not.
 *
 * <p><b>Threads:</b> made on the building thread, then used by the driver thread only, which
 * starting the driver publishes it to.
 */
public final class BoundedRun {

  private final String pipeline;
  private final List<InputSlot> inputs;
  private final int drainBatches;
  private long lastWithRecords = -1;

  private BoundedRun(String pipeline, List<InputSlot> inputs, int drainBatches) {
    this.pipeline = pipeline;
    this.inputs = inputs;
    this.drainBatches = drainBatches;
  }

  /**
   * The bounded run of {@code program}, whose windows are {@code windows}.
   *
   * @throws IllegalArgumentException naming the first input whose source is not bounded
   */
  public static BoundedRun of(PipelineProgram program, List<WindowSpec> windows) {
    for (InputSlot input : program.inputs()) {
      Source<?> source = input.source();
      if (!(source instanceof BoundedSource<?>)) {
        throw new IllegalArgumentException(
            "pipeline "
                + program.name()
                + ": input '"
                + input.name()
                + "' reads from "
                + source.describe()
                + ", which has no end; a bounded "
                + "run needs bounded inputs, such as files or a collection");
      }
    }
    int drain = 0;
    for (WindowSpec window : windows) {
      drain = Math.addExact(drain, window.length() - 1);
    }
    return new BoundedRun(program.name(), program.inputs(), drain);
  }

  /** How many batches the run goes on for after its last batch with records. */
  public int drainBatches() {
    return drainBatches;
  }

  /**
   * Told of each sealed batch, in order: whether it is the run's last.
   *
   * @throws dev.sluice.api.PipelineFailedException if a source's {@code exhausted()} threw
   */
  boolean isLast(SealedBatch batch) {
    if (batch.records() > 0) {
      lastWithRecords = batch.index();
    }
    for (InputSlot input : inputs) {
      boolean exhausted;
      try {
        exhausted = ((BoundedSource<?>) input.source()).exhausted();
      } catch (RuntimeException e) {
        throw Failures.inInput(pipeline, input.name(), batch.time(), e);
      }
      if (!exhausted) {
        return false;
      }
    }
    long last = lastWithRecords < 0 ? 0 : lastWithRecords + drainBatches;
    return batch.index() >= last;
  }
}
