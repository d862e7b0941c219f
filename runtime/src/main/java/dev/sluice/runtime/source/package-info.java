/**
 * The built-in sources, made by {@link dev.sluice.runtime.source.Sources}: a reconnecting socket
 * text client, text files appearing in a directory, an in-memory queue of batches and the demo
 * input.
 *
 * <p>Conventions: batch sources are called by the runtime's driver thread only and are not
 * thread-safe; the socket source runs on its receiving thread and documents its own contract.
 * Sources depend only on {@code dev.sluice.api} and SLF4J.
 */
package dev.sluice.runtime.source;
