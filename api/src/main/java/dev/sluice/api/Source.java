package dev.sluice.api;

/**
 * Where the records of one input of a pipeline come from.
 *
 * <p>A source is either a {@link ReceiverSource}, which pushes records from a thread of its own (a
 * socket, a message queue), or a {@link BatchSource}, which is asked for each batch's records at
 * the batch time (an in-memory queue, new files in a directory). A source instance is bound to one
 * pipeline run and is not reused.
 *
 * @param <T> the type of the records
 */
public sealed interface Source<T> permits ReceiverSource, BatchSource {

  /**
   * A short human-readable description for logs and errors, such as {@code socket localhost:9999}.
   */
  default String describe() {
    return getClass().getSimpleName();
  }

  /** Releases resources when the pipeline stops. Called once, after the last use. */
  default void close() throws Exception {}
}
