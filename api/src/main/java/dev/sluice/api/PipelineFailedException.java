package dev.sluice.api;

/**
 * The pipeline stopped because a batch failed: a user method threw, a sink failed or a source
 * failed. The message names the pipeline, the stage, the batch time and, where there is one, the
 * record.
 */
public final class PipelineFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public PipelineFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
