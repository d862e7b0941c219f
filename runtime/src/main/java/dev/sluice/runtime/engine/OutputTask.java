package dev.sluice.runtime.engine;

import dev.sluice.api.Sink;
import dev.sluice.api.TransactionalSink;
import dev.sluice.runtime.PipelineFailedException;
import dev.sluice.runtime.internal.OutputSlot;
import java.util.List;

/**
 * Writes a batch's outputs: each sink gets its {@link OutputBatch}, in declaration order, after
 * the batch's last segment, except the outputs whose slide skips this batch
 * ({@link OutputSlot#writesAt}), whose sinks are not called. Runs on a worker so that the driver
 * keeps draining meanwhile. In two-phase mode a {@link TransactionalSink} only prepares; the
 * driver commits it with the batch. A batch replayed to rebuild state writes nothing: its outputs
 * were written by the run that committed it.
 *
 * <p><b>Threads:</b> as {@link BatchTask}; since batches run one at a time, sinks are called by
 * one thread at a time and each call happens-before the next.
 */
final class OutputTask extends BatchTask {

  private final List<OutputSlot> outputs;
  private final boolean twoPhase;
  private int writing;

  OutputTask(Completions completions, List<OutputSlot> outputs, boolean twoPhase) {
    super(completions);
    this.outputs = outputs;
    this.twoPhase = twoPhase;
  }

  @SuppressWarnings("unchecked") // each output's lists hold that output's record type
  @Override
  void execute(BatchRun run) throws Exception {
    if (run.sealed().replayed()) {
      return;
    }
    for (int o = 0; o < outputs.size(); o++) {
      OutputSlot output = outputs.get(o);
      if (!output.writesAt(run.batchIndex())) {
        continue;
      }
      writing = o;
      Sink<Object> sink = (Sink<Object>) output.sink();
      OutputBatch<Object> batch =
          new OutputBatch<>(run.batchTime(), run.batchIndex(), run.outputPartitions(o));
      if (twoPhase && sink instanceof TransactionalSink<Object> transactional) {
        transactional.prepare(batch);
      } else {
        sink.write(batch);
      }
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
