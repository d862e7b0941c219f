package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.BatchSubmitted;
import dev.sluice.runtime.metrics.CheckpointInfo;
import dev.sluice.runtime.metrics.PipelineInfo;
import dev.sluice.runtime.metrics.ReceiverError;
import dev.sluice.runtime.metrics.StreamingListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends a pipeline's listener events to a file in a directory, one JSON line each ({@link
 * EventCodec}), so that {@link EventLogs} can show the run after it ended. A run's file is {@code
 * <pipeline>-<startTime>.jsonl.inprogress} while it runs and loses the {@code .inprogress} when the
 * pipeline stops, like Spark's event logs.
 *
 * <p><b>Threads:</b> the callbacks run on the driver thread, which writes through a buffer and
 * flushes at the end of each batch, after each checkpoint and at the stop: a write to the page
 * cache, no fsync, so the driver is not held up by the disk. <b>Failure:</b> an I/O error is logged
 * once and ends the log; the pipeline goes on.
 */
public final class EventLog implements StreamingListener {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);

  /** The suffix of a finished run's log. */
  public static final String SUFFIX = ".jsonl";

  /** Added to {@link #SUFFIX} while the run goes on. */
  public static final String IN_PROGRESS = ".inprogress";

  private final Path directory;
  private Path file;
  private BufferedWriter writer;

  /** A log in {@code directory}, made if missing, when the pipeline starts. */
  public EventLog(Path directory) {
    this.directory = directory;
  }

  @Override
  public void onPipelineStarted(PipelineInfo pipeline) {
    file = directory.resolve(pipeline.name() + "-" + pipeline.startTime() + SUFFIX + IN_PROGRESS);
    try {
      Files.createDirectories(directory);
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      log.info("Event log of {}: {}", pipeline.name(), file);
    } catch (IOException e) {
      log.warn("Cannot write the event log {}; going on without it", file, e);
      return;
    }
    write(EventCodec.pipelineStarted(pipeline), false);
  }

  @Override
  public void onBatchSubmitted(BatchSubmitted batch) {
    write(EventCodec.batchSubmitted(batch), false);
  }

  @Override
  public void onBatchStarted(String pipeline, long batchTime, long startTime) {
    write(EventCodec.batchStarted(pipeline, batchTime, startTime), false);
  }

  @Override
  public void onBatchCompleted(BatchInfo batch) {
    write(EventCodec.batchCompleted(batch), true);
  }

  @Override
  public void onBatchFailed(String pipeline, long batchTime, String error) {
    write(EventCodec.batchFailed(pipeline, batchTime, error), true);
  }

  @Override
  public void onCheckpointCompleted(CheckpointInfo checkpoint) {
    write(EventCodec.checkpointCompleted(checkpoint), true);
  }

  @Override
  public void onReceiverError(ReceiverError error) {
    write(EventCodec.receiverError(error), false); // flushed with the next batch
  }

  @Override
  public void onPipelineStopped(String pipeline, Throwable failure) {
    write(
        EventCodec.pipelineStopped(
            pipeline, failure == null ? null : String.valueOf(failure.getMessage())),
        true);
    if (writer == null) {
      return;
    }
    try {
      writer.close();
      String name = file.getFileName().toString();
      Path finished = file.resolveSibling(name.substring(0, name.length() - IN_PROGRESS.length()));
      Files.move(file, finished, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Cannot finish the event log {}", file, e);
    } finally {
      writer = null;
    }
  }

  private void write(String line, boolean flush) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(line);
      writer.write('\n');
      if (flush) {
        writer.flush();
      }
    } catch (IOException e) {
      log.warn("Writing the event log {} failed; it ends here", file, e);
      try {
        writer.close();
      } catch (IOException ignored) {
        // already failing; the first error is logged
      }
      writer = null;
    }
  }
}
