package dev.sluice.runtime.checkpoint;

/**
 * A checkpoint directory that cannot be used: corrupt, written by another pipeline or a newer
 * format, in use, or unwritable. The message names the file and says how to go on.
 */
public final class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public CheckpointException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
