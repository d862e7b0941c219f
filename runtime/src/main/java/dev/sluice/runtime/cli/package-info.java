/**
 * The command line of generated mains: {@link dev.sluice.runtime.cli.PipelineMain} parses the
 * flags, binds sources and sinks by URI, sets up logging and runs the pipeline until it stops;
 * {@link dev.sluice.runtime.cli.DurationSyntax} is the duration syntax shared with the processor.
 *
 * <p>Conventions: everything here runs on the main thread, except the listener that stops after
 * {@code --batches} (driver thread) and the Ctrl-C shutdown hook (its own thread); both only
 * request a stop, which never blocks the pipeline.
 */
package dev.sluice.runtime.cli;
