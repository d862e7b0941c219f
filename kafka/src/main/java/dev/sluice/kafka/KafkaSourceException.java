package dev.sluice.kafka;

/** A {@link KafkaSource} cannot plan or read a batch; the message says why and what to do. */
public final class KafkaSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KafkaSourceException(String message) {
    super(message);
  }

  KafkaSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
