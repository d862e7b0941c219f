package dev.sluice.runtime.engine;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.internal.StageFailure;

/**
 * The messages of {@link PipelineFailedException}: pipeline, stage, batch, and the record where
 * there is one, such as {@code Pipeline WordCount failed in stage 'pairs' of batch 1764032402000 on
 * record "hello": java.lang.IllegalStateException: boom}.
 */
final class Failures {

  private Failures() {}

  /** A task of segment {@code segment} threw {@code thrown}. */
  static PipelineFailedException inSegment(
      String pipeline, String segment, long batchTime, Throwable thrown) {
    if (thrown instanceof StageFailure stage) {
      Throwable cause = stage.getCause() != null ? stage.getCause() : stage;
      return new PipelineFailedException(
          "Pipeline "
              + pipeline
              + " failed in stage '"
              + stage.stage()
              + "' of batch "
              + batchTime
              + " on record "
              + stage.record()
              + ": "
              + cause,
          cause);
    }
    return failed(pipeline, "segment '" + segment + "'", batchTime, thrown);
  }

  /** The sink of output {@code output} threw {@code thrown}. */
  static PipelineFailedException inOutput(
      String pipeline, String output, long batchTime, Throwable thrown) {
    return failed(pipeline, "output '" + output + "'", batchTime, thrown);
  }

  /** The source of input {@code input} threw {@code thrown} for batch {@code batchTime}. */
  static PipelineFailedException inInput(
      String pipeline, String input, long batchTime, Throwable thrown) {
    return failed(pipeline, "input '" + input + "'", batchTime, thrown);
  }

  /** Input {@code input} failed outside a batch (its write-ahead log, its resume). */
  static PipelineFailedException inInput(String pipeline, String input, Throwable thrown) {
    return new PipelineFailedException(
        "Pipeline " + pipeline + " failed in input '" + input + "': " + thrown, thrown);
  }

  /** The engine itself failed: a bug, reported like a user failure so the pipeline still stops. */
  static PipelineFailedException inDriver(String pipeline, Throwable thrown) {
    return new PipelineFailedException(
        "Pipeline " + pipeline + " failed in its driver: " + thrown, thrown);
  }

  private static PipelineFailedException failed(
      String pipeline, String where, long batchTime, Throwable thrown) {
    return new PipelineFailedException(
        "Pipeline " + pipeline + " failed in " + where + " of batch " + batchTime + ": " + thrown,
        thrown);
  }
}
