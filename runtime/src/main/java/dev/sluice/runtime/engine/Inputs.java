package dev.sluice.runtime.engine;

import dev.sluice.api.BatchSource;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.api.ReceiverSource;
import dev.sluice.api.Source;
import dev.sluice.runtime.checkpoint.BatchPlan;
import dev.sluice.runtime.checkpoint.ReceivedLog;
import dev.sluice.runtime.internal.InputSlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running pipeline's inputs as the driver sees them: drains and seals them together, stops them,
 * notices their end, and counts what a stop or failure leaves unbatched.
 *
 * <p><b>Threads:</b> driver only; the feeds it holds talk to the receiving threads. Stopping gives
 * receiving threads until a deadline to end; after it the pipeline goes on without them (logged).
 * <b>Allocation:</b> per seal, the batch's small lists and arrays.
 */
final class Inputs {

  private static final Logger log = LoggerFactory.getLogger(Inputs.class);

  private final String pipeline;
  private final InputFeed[] feeds;
  private final long stopTimeoutNanos;
  private final long[] lastBlockedNanos;
  private final int[] queuePeaks;
  private final boolean[] endNoticed;
  private boolean stopped;
  private long deadline;
  private boolean givenUp;
  private long takenBeforeFailure;

  /**
   * Feeds for {@code slots}: receiver queues sized by {@code limits}, waking {@code driver};
   * replayable sources plan their batches if {@code planning}; receivers with a codec get a
   * write-ahead log under {@code walRoot} ({@code received/INPUT/}) unless it is {@code null}.
   *
   * @throws PipelineFailedException if a write-ahead log cannot be opened
   */
  Inputs(
      String pipeline,
      List<InputSlot> slots,
      EngineLimits limits,
      Parker driver,
      boolean planning,
      Path walRoot) {
    this.pipeline = pipeline;
    this.feeds = new InputFeed[slots.size()];
    for (int i = 0; i < feeds.length; i++) {
      InputSlot slot = slots.get(i);
      Source<?> source = slot.source();
      feeds[i] =
          source instanceof ReceiverSource<?> receiver
              ? new ReceiverFeed(
                  pipeline,
                  slot.name(),
                  receiver,
                  limits.receiverQueueCapacity(),
                  driver,
                  openLog(pipeline, slot.name(), receiver, walRoot))
              : new BatchSourceFeed(slot.name(), (BatchSource<?>) source, planning);
    }
    this.stopTimeoutNanos = limits.receiverStopTimeout().toNanos();
    this.lastBlockedNanos = new long[feeds.length];
    this.queuePeaks = new int[feeds.length];
    this.endNoticed = new boolean[feeds.length];
  }

  /** The inputs' names, in order. */
  List<String> names() {
    List<String> names = new ArrayList<>(feeds.length);
    for (InputFeed feed : feeds) {
      names.add(feed.name());
    }
    return names;
  }

  /** Starts the receiving threads. */
  void start() {
    for (InputFeed feed : feeds) {
      feed.start();
    }
  }

  /**
   * Drains every receiver into the open interval; whether anything came.
   *
   * @throws PipelineFailedException if a write-ahead log cannot be written
   */
  boolean drain() {
    int drained = 0;
    for (InputFeed feed : feeds) {
      try {
        drained += feed.drain();
      } catch (UncheckedIOException e) {
        throw Failures.inInput(pipeline, feed.name(), e);
      }
    }
    return drained > 0;
  }

  /** Whether some receiver's records were drained into the open interval. */
  boolean hasOpenRecords() {
    for (InputFeed feed : feeds) {
      if (feed.hasOpenRecords()) {
        return true;
      }
    }
    return false;
  }

  /** Whether records wait in some receiver's queue. */
  boolean hasRecords() {
    for (InputFeed feed : feeds) {
      if (feed.hasRecords()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a receiver reported an error since {@link #pollErrors} last looked. */
  boolean hasNewErrors() {
    for (InputFeed feed : feeds) {
      if (feed.hasNewError()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Hands {@code report} the newest error each receiver reported since the last call, with the
   * input's name; whether there was any.
   */
  boolean pollErrors(BiConsumer<String, ReceiverHandoff.Reported> report) {
    boolean any = false;
    for (InputFeed feed : feeds) {
      ReceiverHandoff.Reported error = feed.pollError();
      if (error != null) {
        report.accept(feed.name(), error);
        any = true;
      }
    }
    return any;
  }

  /** Whether a receiver ended since {@link #noticeEnded} last looked. */
  boolean endedUnnoticed() {
    for (int i = 0; i < feeds.length; i++) {
      if (!endNoticed[i] && feeds[i].ended()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Notices receivers that ended and hands {@code onFailure} the failure of each that threw while
   * batch {@code openBatch} was open; whether any ended.
   */
  boolean noticeEnded(long openBatch, Consumer<PipelineFailedException> onFailure) {
    boolean any = false;
    for (int i = 0; i < feeds.length; i++) {
      if (!endNoticed[i] && feeds[i].ended()) {
        endNoticed[i] = true;
        any = true;
        Throwable thrown = feeds[i].failure();
        if (thrown != null) {
          onFailure.accept(Failures.inInput(pipeline, feeds[i].name(), openBatch, thrown));
        }
      }
    }
    return any;
  }

  /**
   * Ends the open interval as the batch at {@code time}, of index {@code index} since start, asking
   * batch sources for their records.
   *
   * @throws PipelineFailedException if a source threw; what other inputs gave is then counted by
   *     {@link #discard()}
   */
  SealedBatch seal(long time, long index) {
    List<List<?>> records = new ArrayList<>(feeds.length);
    List<byte[]> plans = new ArrayList<>(feeds.length);
    long[] blocked = new long[feeds.length];
    for (int i = 0; i < feeds.length; i++) {
      try {
        records.add(feeds[i].seal(time));
        plans.add(feeds[i].sealedPlan());
      } catch (Throwable e) { // a failing BatchSource fails the batch
        for (List<?> taken : records) {
          takenBeforeFailure += taken.size();
        }
        throw Failures.inInput(pipeline, feeds[i].name(), time, e);
      }
      long total = feeds[i].blockedNanos();
      blocked[i] = total - lastBlockedNanos[i];
      lastBlockedNanos[i] = total;
      queuePeaks[i] = feeds[i].takeQueuePeak();
    }
    return new SealedBatch(time, index, records, blocked, plans, false);
  }

  /**
   * The batch of {@code plan}, logged by an earlier run, read again: each replayable input reads
   * its plan, every other input is empty.
   *
   * @param replayed whether the batch committed before: its outputs are not written again
   * @throws PipelineFailedException if a source fails to read its plan
   */
  SealedBatch replay(BatchPlan plan, boolean replayed) {
    List<List<?>> records = new ArrayList<>(feeds.length);
    List<byte[]> plans = new ArrayList<>(feeds.length);
    for (InputFeed feed : feeds) {
      byte[] inputPlan = plan.planOf(feed.name());
      try {
        records.add(feed.replay(plan.time(), inputPlan));
      } catch (Throwable e) { // a source that cannot read its plan again fails the batch
        throw Failures.inInput(pipeline, feed.name(), plan.time(), e);
      }
      plans.add(inputPlan);
    }
    return new SealedBatch(
        plan.time(), plan.index(), records, new long[feeds.length], plans, replayed);
  }

  /**
   * After a restart: each replayable input goes on after the last batch of {@code planned} that
   * holds a plan of it; an input with none (new since) starts afresh.
   *
   * @throws PipelineFailedException if a source fails to resume
   */
  void resume(List<BatchPlan> planned) {
    for (InputFeed feed : feeds) {
      if (feed instanceof ReceiverFeed receiverFeed) {
        try {
          receiverFeed.resume(lastPlan(planned, feed.name()));
        } catch (IOException | RuntimeException e) { // a log that cannot be read cannot go on
          throw Failures.inInput(pipeline, feed.name(), e);
        }
        continue;
      }
      if (!(feed instanceof BatchSourceFeed batchFeed) || !batchFeed.replayable()) {
        continue;
      }
      for (int b = planned.size() - 1; b >= 0; b--) {
        byte[] plan = planned.get(b).planOf(feed.name());
        if (plan != null) {
          try {
            batchFeed.resume(planned.get(b).time(), plan);
          } catch (Throwable e) { // a source that cannot resume cannot run
            throw Failures.inInput(pipeline, feed.name(), planned.get(b).time(), e);
          }
          break;
        }
      }
    }
  }

  /** The inputs whose records cannot be read again after a crash. */
  List<String> unreplayable() {
    List<String> names = new ArrayList<>();
    for (InputFeed feed : feeds) {
      boolean replayable =
          feed instanceof BatchSourceFeed batchFeed
              ? batchFeed.replayable()
              : ((ReceiverFeed) feed).replayable();
      if (!replayable) {
        names.add(feed.name());
      }
    }
    return names;
  }

  /** The receivers' write-ahead logs. */
  Map<String, ReceivedLog<?>> writeAheadLogs() {
    Map<String, ReceivedLog<?>> logs = new LinkedHashMap<>();
    for (InputFeed feed : feeds) {
      if (feed instanceof ReceiverFeed receiverFeed && receiverFeed.writeAheadLog() != null) {
        logs.put(feed.name(), receiverFeed.writeAheadLog());
      }
    }
    return logs;
  }

  /** Forces and closes the write-ahead logs; a failure is logged. */
  void closeLogs() {
    for (InputFeed feed : feeds) {
      if (feed instanceof ReceiverFeed receiverFeed) {
        try {
          receiverFeed.closeLog();
        } catch (IOException e) {
          log.warn(
              "Closing the write-ahead log of input '{}' of {} failed", feed.name(), pipeline, e);
        }
      }
    }
  }

  private static byte[] lastPlan(List<BatchPlan> planned, String input) {
    for (int b = planned.size() - 1; b >= 0; b--) {
      byte[] plan = planned.get(b).planOf(input);
      if (plan != null) {
        return plan;
      }
    }
    return null;
  }

  private static ReceivedLog<?> openLog(
      String pipeline, String input, ReceiverSource<?> source, Path walRoot) {
    if (walRoot == null || source.recordCodec() == null) {
      return null;
    }
    try {
      return ReceivedLog.open(walRoot.resolve("received").resolve(input), source.recordCodec());
    } catch (IOException | RuntimeException e) {
      throw Failures.inInput(pipeline, input, e);
    }
  }

  /** The most records input {@code input}'s queue held while the last sealed batch collected. */
  int queuePeak(int input) {
    return queuePeaks[input];
  }

  /** Whether input {@code input}'s receiver has ended; a source asked per batch never ends. */
  boolean ended(int input) {
    return feeds[input] instanceof ReceiverFeed && feeds[input].ended();
  }

  /** Stops every input and starts the deadline for their threads to end. Idempotent. */
  void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    deadline = System.nanoTime() + stopTimeoutNanos;
    for (InputFeed feed : feeds) {
      feed.stop();
    }
  }

  /** Whether {@link #stop()} was called. */
  boolean stopped() {
    return stopped;
  }

  /** After {@link #stop()}: whether every receiving thread ended or the deadline passed. */
  boolean done() {
    if (givenUp || allEnded()) {
      return true;
    }
    if (System.nanoTime() - deadline < 0) {
      return false;
    }
    givenUp = true;
    for (InputFeed feed : feeds) {
      if (!feed.ended()) {
        log.warn(
            "Input '{}' of {} did not end within {} ms of the stop; going on without it",
            feed.name(),
            pipeline,
            stopTimeoutNanos / 1_000_000);
      }
    }
    return true;
  }

  /** After {@link #stop()}: how long until the deadline, or {@link Long#MAX_VALUE} if moot. */
  long nanosToDeadline() {
    if (givenUp || allEnded()) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * Drops the open intervals, the queued records and what a failed seal had taken; returns how many
   * records that was.
   */
  long discard() {
    long dropped = takenBeforeFailure;
    takenBeforeFailure = 0;
    for (InputFeed feed : feeds) {
      dropped += feed.discard();
    }
    return dropped;
  }

  /** After {@link #stop()}: waits for the receiving threads until the deadline. */
  void join() throws InterruptedException {
    for (InputFeed feed : feeds) {
      long remainingMillis;
      // the thread, not the ended flag: it sets the flag just before it returns
      while (feed.threadAlive()
          && (remainingMillis = (deadline - System.nanoTime()) / 1_000_000) > 0) {
        feed.join(remainingMillis);
      }
    }
  }

  /** Whether {@code thread} is one of the receiving threads. */
  boolean runOn(Thread thread) {
    for (InputFeed feed : feeds) {
      if (feed.runsOn(thread)) {
        return true;
      }
    }
    return false;
  }

  private boolean allEnded() {
    for (InputFeed feed : feeds) {
      if (!feed.ended()) {
        return false;
      }
    }
    return true;
  }
}
