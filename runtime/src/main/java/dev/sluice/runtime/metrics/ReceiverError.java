package dev.sluice.runtime.metrics;

/**
 * A problem a receiver reported and got over ({@link dev.sluice.api.Receiver#reportError}): the
 * newest since the last report, with how many it has reported in all.
 *
 * @param pipeline the pipeline's name
 * @param input the input's name
 * @param time the clock's time when the driver took the report, in ms: at most a driver turn after
 *     the receiver made it
 * @param message what went wrong, with the cause's class and message when there is one
 * @param errors how many errors the input's receiver has reported since the start, this one
 *     included; more than one since the last report when they came faster than the driver took them
 */
public record ReceiverError(
    String pipeline, String input, long time, String message, long errors) {}
