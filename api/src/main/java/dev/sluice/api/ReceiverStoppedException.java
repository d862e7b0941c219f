package dev.sluice.api;

/** Thrown by {@link Receiver#store} when the pipeline stopped and the record was not taken. */
public final class ReceiverStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying which source was stopped. */
  public ReceiverStoppedException(String message) {
    super(message);
  }
}
