/**
 * The clocks that cut a pipeline's input into batches: {@link dev.sluice.runtime.clock.BatchClock}
 * (the wall clock, or unpaced for bounded runs) and, for tests, {@link
 * dev.sluice.runtime.clock.ManualClock}.
 */
package dev.sluice.runtime.clock;
