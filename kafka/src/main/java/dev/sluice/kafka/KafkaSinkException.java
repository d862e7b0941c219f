package dev.sluice.kafka;

/** A {@link KafkaSink} cannot write a batch; the message says why and what to do. */
public final class KafkaSinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KafkaSinkException(String message) {
    super(message);
  }

  KafkaSinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
