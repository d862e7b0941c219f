package dev.sluice.bench.pipelines;

/**
 * One measurement of a sensor: the record type of {@link SensorTotals}.
 *
 * @param sensor the sensor's id
 * @param value the measured value
 */
public record Reading(int sensor, long value) {}
