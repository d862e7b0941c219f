/**
 * The clocks that cut a pipeline's input into batches: {@link dev.sluice.runtime.clock.BatchClock}
 * and, for tests, {@link dev.sluice.runtime.clock.ManualClock}.
 */
package dev.sluice.runtime.clock;
