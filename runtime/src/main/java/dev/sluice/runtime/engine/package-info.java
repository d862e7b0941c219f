/**
 * The engine that runs a compiled pipeline: internal, public only for {@code StreamingPipeline} and
 * {@code PipelineBuilder} in the package above, which use it; it never uses them back.
 *
 * <h2>Threads and hand-offs</h2>
 *
 * <pre>
 *  receiver-&lt;input&gt; --SPSC (bounded, blocks when full)--&gt;  driver
 *  driver --SPSC task queue per worker--&gt;  worker-&lt;n&gt;
 *  worker-&lt;n&gt; --one MPSC completion queue--&gt;  driver
 *  driver --SPSC (plans, commits)--&gt;  log  (with a checkpoint directory)
 * </pre>
 *
 * <ul>
 *   <li>Each receiver thread stores into its {@code ReceiverHandoff}; a full queue makes it wait
 *       (backpressure), never drop.
 *   <li>The {@code Driver} owns all batch state: the open interval's lists, the sealed batches
 *       waiting (at most {@code maxPendingBatches}), and the running batch. It runs one batch at a
 *       time, one segment at a time, then the outputs.
 *   <li>With a checkpoint directory, the {@code LogWriter} thread writes and forces the batch log;
 *       a batch runs while its plan is forced, and its outputs wait until the plan is durable.
 *   <li>Task {@code p} of a segment runs on worker {@code p % workers}; the worker's queue and the
 *       completion queue pass ownership of the task, its batch and the buffers it writes, so the
 *       task path has no locks and no other synchronisation.
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Visibility</b> comes from the queues: an offer is a release, a poll an acquire.
 *       Everything the driver wrote before handing out a task is visible to it; everything a task
 *       wrote is visible to the driver after it polled the completion, and so to every later task.
 *   <li><b>Idling</b>: a thread with nothing to do spins, yields, then parks ({@code Backoff});
 *       others wake it only when it parks, through the lost-wake-up-free handshake of {@code
 *       Parker}: the waker publishes, fences and reads the parked flag; the parker announces,
 *       fences and re-checks its work. So a burst of work costs at most one unpark, and an empty
 *       batch costs one unpark per worker that had gone to sleep.
 *   <li><b>Allocation</b>: nothing per record but the receiver queue hand-off and the {@code
 *       ArrayList} of the open interval (presized from the last batch); per batch a few small
 *       objects (partition views, output lists, metrics).
 *   <li><b>Failure</b>: user code runs inside tasks that keep what it throws; the driver turns it
 *       into one {@link dev.sluice.api.PipelineFailedException}, logs it once, and stops.
 * </ul>
 */
package dev.sluice.runtime.engine;
