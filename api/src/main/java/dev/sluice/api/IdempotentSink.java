package dev.sluice.api;

/**
 * A {@link Sink} whose {@link #write} may be called again for a batch it already wrote, after a
 * crash, and then leaves the same result as one call: it writes under {@link Batch#index()} (or the
 * batch time), replacing what an earlier attempt wrote, like Spark's {@code saveAsTextFiles}. With
 * a replayable source and a checkpoint directory, its output is exactly once.
 *
 * <p>The interface adds no method: implementing it is the sink's promise, which the runtime shows
 * in its start-up log and uses to tell users which outputs are exactly once.
 *
 * @param <T> the type of the records
 */
public interface IdempotentSink<T> extends Sink<T> {}
