package dev.sluice.bench.seam;

import dev.sluice.runtime.internal.TaskContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TaskContext} for one partition and one input and output, as the engine would hand a
 * task, without the engine: the benchmark sets the input, runs the segments, and reads and clears
 * the output.
 *
 * <p><b>Threads:</b> one benchmark thread.
 */
public final class SeamContext implements TaskContext {

  private final List<Object> output = new ArrayList<>();
  private List<?> input = List.of();
  private long batchIndex;

  /** Sets the records of the next batch. */
  public void input(List<?> records) {
    this.input = records;
  }

  /**
   * Sets the index of the next batch; windowed and stateful segments count their batches by it, so
   * a benchmark driving one batch after another advances it by one each time.
   */
  public void batchIndex(long batchIndex) {
    this.batchIndex = batchIndex;
  }

  /** The output the last segments added to. */
  public List<Object> output() {
    return output;
  }

  @Override
  public long batchTime() {
    return 0;
  }

  /** The index last set, 0 until then (stateless segments ignore it). */
  @Override
  public long batchIndex() {
    return batchIndex;
  }

  @SuppressWarnings("unchecked") // the program reads its input as the type it declared
  @Override
  public <T> List<T> input(int input, int partition) {
    check(input, partition);
    return (List<T>) this.input;
  }

  @SuppressWarnings("unchecked") // the program fills its output with the type it declared
  @Override
  public <T> List<T> output(int output, int partition) {
    check(output, partition);
    return (List<T>) this.output;
  }

  private static void check(int port, int partition) {
    if (port != 0 || partition != 0) {
      throw new IllegalArgumentException(
          "one input, one output, one partition; asked for " + port + "/" + partition);
    }
  }
}
