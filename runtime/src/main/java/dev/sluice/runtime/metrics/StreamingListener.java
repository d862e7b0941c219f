package dev.sluice.runtime.metrics;

/** STUB: the engine fills this in. */
public interface StreamingListener {}
