package dev.sluice.runtime.engine;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchInfo.InputRecords;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the world about a pipeline's life: one log line per batch and the
 * {@link StreamingListener} callbacks, each listener shielded from the others' exceptions.
 *
 * <p>A batch with records logs at INFO, such as {@code Batch 1764032402000 of WordCount: 3
 * records, scheduling delay 0 ms, processing 1.2 ms, total delay 1 ms}; an empty one at DEBUG, so
 * an idle pipeline stays quiet. Backpressure adds {@code , receivers blocked N ms}.
 *
 * <p><b>Threads:</b> driver only.
 */
final class BatchReporter {

  private static final Logger log = LoggerFactory.getLogger("dev.sluice.runtime.batches");
  private static final Logger listenerLog = LoggerFactory.getLogger(BatchReporter.class);

  private final String pipeline;
  private final List<StreamingListener> listeners;

  BatchReporter(String pipeline, List<StreamingListener> listeners) {
    this.pipeline = pipeline;
    this.listeners = List.copyOf(listeners);
  }

  /** The pipeline started; its first batch is at {@code firstBatchTime}. */
  void started(long firstBatchTime) {
    for (StreamingListener listener : listeners) {
      try {
        listener.onPipelineStarted(pipeline, firstBatchTime);
      } catch (Throwable e) { // a listener must not break the pipeline
        listenerFailed(listener, "onPipelineStarted", e);
      }
    }
  }

  /** A batch completed. */
  void completed(BatchInfo batch) {
    if (batch.records() > 0) {
      if (log.isInfoEnabled()) {
        log.info(line(batch));
      }
    } else if (log.isDebugEnabled()) {
      log.debug(line(batch));
    }
    for (StreamingListener listener : listeners) {
      try {
        listener.onBatchCompleted(batch);
      } catch (Throwable e) { // a listener must not break the pipeline
        listenerFailed(listener, "onBatchCompleted", e);
      }
    }
  }

  /** The pipeline stopped, because of {@code failure} or, if {@code null}, on request. */
  void stopped(Throwable failure) {
    for (StreamingListener listener : listeners) {
      try {
        listener.onPipelineStopped(pipeline, failure);
      } catch (Throwable e) { // a listener must not break the pipeline
        listenerFailed(listener, "onPipelineStopped", e);
      }
    }
  }

  /** The log line of {@code batch}. */
  static String line(BatchInfo batch) {
    StringBuilder line = new StringBuilder(120)
        .append("Batch ").append(batch.batchTime()).append(" of ").append(batch.pipeline())
        .append(": ").append(batch.records()).append(batch.records() == 1 ? " record" : " records")
        .append(", scheduling delay ").append(batch.schedulingDelay().toMillis()).append(" ms")
        .append(", processing ").append(millis(batch.processingTime())).append(" ms")
        .append(", total delay ").append(batch.totalDelay().toMillis()).append(" ms");
    long blocked = 0;
    for (InputRecords input : batch.inputs()) {
      blocked += input.receiverBlocked().toNanos();
    }
    if (blocked > 0) {
      line.append(", receivers blocked ").append(millis(Duration.ofNanos(blocked))).append(" ms");
    }
    return line.toString();
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
  }

  private void listenerFailed(StreamingListener listener, String callback, Throwable e) {
    listenerLog.warn("Listener {} of {} threw from {}; ignored", listener, pipeline, callback, e);
  }
}
