package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.api.Sink;
import dev.sluice.api.TransactionalSink;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.metrics.BatchInfo.OutputTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a batch's outputs: each sink gets its {@link OutputBatch}, in declaration order, after the
 * batch's last segment, except the outputs whose slide skips this batch ({@link
 * OutputSlot#writesAt}), whose sinks are not called. Runs on a worker so that the driver keeps
 * draining meanwhile. In two-phase mode a {@link TransactionalSink} only prepares; the driver
 * commits it with the batch. A batch replayed to rebuild state writes nothing: its outputs were
 * written by the run that committed it.
 *
 * <p><b>Threads:</b> as {@link BatchTask}; since batches run one at a time, sinks are called by one
 * thread at a time and each call happens-before the next.
 */
final class OutputTask extends BatchTask {

  private final List<OutputSlot> outputs;
  private final boolean twoPhase;
  private final long[] records;
  private final long[] nanos;
  private final boolean[] written;
  private int writing;

  OutputTask(Completions completions, List<OutputSlot> outputs, boolean twoPhase) {
    super(completions);
    this.outputs = outputs;
    this.twoPhase = twoPhase;
    this.records = new long[outputs.size()];
    this.nanos = new long[outputs.size()];
    this.written = new boolean[outputs.size()];
  }

  /**
   * What each output operation of the last run did: records, time and whether its sink was called
   * (never for a replayed batch). Read by the driver after the task's completion, which the
   * completion queue orders after the writes.
   */
  List<OutputTime> times() {
    List<OutputTime> times = new ArrayList<>(outputs.size());
    for (int o = 0; o < outputs.size(); o++) {
      times.add(
          new OutputTime(
              outputs.get(o).name(), records[o], Duration.ofNanos(nanos[o]), written[o]));
    }
    return times;
  }

  @SuppressWarnings("unchecked") // each output's lists hold that output's record type
  @Override
  void execute(BatchRun run) throws Exception {
    Arrays.fill(records, 0);
    Arrays.fill(nanos, 0);
    Arrays.fill(written, false);
    if (run.sealed().replayed()) {
      return;
    }
    for (int o = 0; o < outputs.size(); o++) {
      OutputSlot output = outputs.get(o);
      List<?>[] partitions = run.outputPartitions(o);
      long count = 0;
      for (List<?> partition : partitions) {
        count += partition.size();
      }
      records[o] = count;
      written[o] = output.writesAt(run.batchIndex());
      if (!written[o]) {
        continue;
      }
      writing = o;
      Sink<Object> sink = (Sink<Object>) output.sink();
      OutputBatch<Object> batch = new OutputBatch<>(run.batchTime(), run.batchIndex(), partitions);
      long start = System.nanoTime();
      if (twoPhase && sink instanceof TransactionalSink<Object> transactional) {
        transactional.prepare(batch);
      } else {
        sink.write(batch);
      }
      nanos[o] = System.nanoTime() - start;
    }
  }

  @Override
  PipelineFailedException describe(String pipeline, long batchTime, Throwable failure) {
    return Failures.inOutput(pipeline, outputs.get(writing).name(), batchTime, failure);
  }

  @Override
  public String toString() {
    return "output task";
  }
}
