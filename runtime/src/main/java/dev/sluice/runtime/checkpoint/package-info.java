/**
 * Checkpoint directories: the batch log that makes every batch replayable and every commit durable,
 * and the files that go with it. Internal: the engine uses it, users see only {@code
 * PipelineBuilder.checkpoint(Path)} and {@code --checkpoint DIR}.
 *
 * <h2>Layout</h2>
 *
 * <pre>
 *  DIR/
 *    checkpoint.properties     what the directory belongs to: format, pipeline, batch interval,
 *                              first batch time; written once, atomically, with a CRC32C line
 *    lock                      held (an OS file lock) by the one pipeline running on DIR
 *    log/batches-INDEX.log     the batch log, in segments named by their first batch index
 * </pre>
 *
 * <h2>File rules</h2>
 *
 * <ul>
 *   <li>Every file starts with a magic number and a format version, and every record carries a
 *       CRC32C of its bytes ({@link dev.sluice.runtime.checkpoint.LogRecords}).
 *   <li>A file that must appear whole is written under a temporary name starting with {@code .},
 *       forced to disk, renamed into place, and its directory forced ({@link
 *       dev.sluice.runtime.checkpoint.DurableFiles}); temporary names left by a crash are deleted
 *       at the next start.
 *   <li>The log is append-only; its tail past the last intact record (a write cut short by a crash)
 *       is cut off at the next start, with a warning that says how much.
 * </ul>
 *
 * <p><b>Threads:</b> everything here is used by the driver thread of one pipeline only.
 */
package dev.sluice.runtime.checkpoint;
