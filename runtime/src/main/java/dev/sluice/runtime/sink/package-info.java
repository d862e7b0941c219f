/**
 * The built-in sinks, made by {@link dev.sluice.runtime.sink.Sinks}: Spark's {@code print} format,
 * a per-batch callback, and atomically committed text files per batch.
 *
 * <p>Conventions: the runtime calls a sink's {@code write} once per batch, in batch order, from one
 * thread at a time, so the sinks here keep no locks and are not otherwise thread-safe. Sinks depend
 * only on {@code dev.sluice.api}.
 */
package dev.sluice.runtime.sink;
