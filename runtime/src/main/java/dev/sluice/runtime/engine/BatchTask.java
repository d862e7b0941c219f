package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;

/**
 * A unit of work the driver hands a worker for the current batch; reused batch after batch.
 *
 * <p><b>Threads:</b> the driver calls {@link #prepare} and then submits the task; the worker runs
 * it and hands it back through {@link Completions}; only then does the driver read its results or
 * prepare it again. Ownership passes with the queues, so the fields need no synchronisation of
 * their own. <b>Failure:</b> whatever the work throws is kept, never thrown on the worker.
 */
abstract class BatchTask implements Runnable {

  private final Completions completions;
  private BatchRun run;
  private long startNanos;
  private long endNanos;
  private Throwable failure;

  BatchTask(Completions completions) {
    this.completions = completions;
  }

  /** The driver: binds the task to {@code run} before submitting it. */
  final void prepare(BatchRun run) {
    this.run = run;
    this.failure = null;
  }

  @Override
  public final void run() {
    startNanos = System.nanoTime();
    try {
      execute(run);
    } catch (Throwable e) { // user code: anything may come out, all of it fails the batch
      failure = e;
    }
    endNanos = System.nanoTime();
    completions.complete(this);
  }

  /** The work, on the worker. */
  abstract void execute(BatchRun run) throws Exception;

  /** The failure to report for what {@link #execute} threw, naming the stage that threw. */
  abstract PipelineFailedException describe(String pipeline, long batchTime, Throwable failure);

  /** When the work started, by {@link System#nanoTime()}. */
  final long startNanos() {
    return startNanos;
  }

  /** When the work ended, by {@link System#nanoTime()}. */
  final long endNanos() {
    return endNanos;
  }

  /** What the work threw, or {@code null}. */
  final Throwable failure() {
    return failure;
  }
}
