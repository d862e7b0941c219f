/**
 * State building blocks that generated code calls, one store per key partition per stateful stage,
 * following Spark Streaming's {@code updateStateByKey} and {@code mapWithState} rules batch by
 * batch (see {@code docs/windows-and-state.md}).
 *
 * <p><b>Threads:</b> like {@link dev.sluice.runtime.internal.KeyIndex}, a store is owned by one
 * task at a time: the task of its key partition {@code p}, which the engine always runs on worker
 * {@code p % workers}; the engine's task and completion queues publish the store from one batch's
 * task to the next (everything a task wrote happens-before the next task that reads it).
 * <b>Progress:</b> never blocks. <b>Failure:</b> a user function that throws fails the batch and
 * the pipeline, so a store is never used again after a failed call.
 */
package dev.sluice.runtime.internal.state;
