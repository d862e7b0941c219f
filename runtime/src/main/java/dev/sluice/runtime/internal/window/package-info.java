/**
 * Window building blocks that generated code calls, one instance per key partition (or input
 * partition for {@code window}) per windowed stage, following Spark Streaming's window rules batch
 * by batch (see {@code docs/windows-and-state.md}).
 *
 * <p>Shared conventions: batch indices count from 0 ({@link
 * dev.sluice.runtime.internal.TaskContext#batchIndex()}); {@link
 * dev.sluice.runtime.internal.window.WindowSpec} says where windows are emitted and what they
 * cover. Each store keeps a ring of per-batch slots: every batch, the reduce side of the stage's
 * shuffle fills the current slot (the per-record path stays in generated code, with no virtual call
 * per record); at emit batches the store merges slots, calling the user's functions once per key
 * and batch through the JDK's functional interfaces. Batches must be presented in increasing order;
 * a batch that never reached a store leaves an empty slot.
 *
 * <p><b>Threads:</b> like {@link dev.sluice.runtime.internal.KeyIndex}, a store is owned by one
 * task at a time: the task of its partition, which the engine always runs on the same worker; the
 * engine's queues publish it from one batch to the next. <b>Progress:</b> never blocks.
 * <b>Allocation:</b> the slots are reused; after warm-up only user functions (and grouping, whose
 * emitted lists are new) allocate.
 */
package dev.sluice.runtime.internal.window;
