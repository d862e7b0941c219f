/**
 * What a running pipeline reports: a {@link dev.sluice.runtime.metrics.BatchInfo} per completed
 * batch, delivered to {@link dev.sluice.runtime.metrics.StreamingListener}s on the driver thread.
 */
package dev.sluice.runtime.metrics;
