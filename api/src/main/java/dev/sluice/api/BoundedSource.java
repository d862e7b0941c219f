package dev.sluice.api;

/**
 * A batch source with an end, such as the files of a directory as they are now or an in-memory
 * collection: once {@link #exhausted()} it has handed out its last record, and every later batch is
 * empty.
 *
 * <p>A bounded run (the generated main's {@code --once}, the builder's {@code runOnce()}) needs
 * every input bounded: it cuts batches as fast as they are processed, and stops once every input is
 * exhausted and the windows have drained. In a streaming run a bounded source is an ordinary batch
 * source that runs dry, after which its batches are empty, as Spark's are.
 *
 * <p><b>Threads:</b> like {@link BatchSource#nextBatch}, {@link #exhausted()} is called by the
 * runtime's driver thread only, after a {@code nextBatch} call.
 *
 * @param <T> the type of the records
 */
public interface BoundedSource<T> extends BatchSource<T> {

  /**
   * Whether the last record has been handed out: every later {@link #nextBatch} returns an empty
   * list. A source should look ahead, so that it says so right after the batch with its last
   * record, not one batch later.
   */
  boolean exhausted();
}
