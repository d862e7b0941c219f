package dev.sluice.runtime.engine;

import dev.sluice.api.BatchSource;
import dev.sluice.api.ReplayableSource;
import java.util.List;

/**
 * An input whose {@link BatchSource} is asked for each batch's records when it is sealed. With
 * planning on (a checkpoint directory), a {@link ReplayableSource} plans each batch first and the
 * plan goes into the batch log.
 */
final class BatchSourceFeed extends InputFeed {

  private final BatchSource<?> source;
  private final ReplayableSource<?> replayable;
  private byte[] sealedPlan;

  /** An input of {@code source}; {@code planning} asks a replayable source for plans. */
  BatchSourceFeed(String name, BatchSource<?> source, boolean planning) {
    super(name);
    this.source = source;
    this.replayable =
        planning && source instanceof ReplayableSource<?> replayable ? replayable : null;
  }

  @Override
  boolean hasOpenRecords() {
    return false; // a batch source is asked for its records only when a batch is sealed
  }

  @Override
  void start() {}

  @Override
  int drain() {
    return 0;
  }

  @Override
  boolean hasRecords() {
    return false;
  }

  @Override
  List<?> seal(long batchTime) throws Exception {
    if (replayable == null) {
      return checked(source.nextBatch(batchTime), "nextBatch", batchTime);
    }
    byte[] plan = replayable.plan(batchTime);
    if (plan == null) {
      throw new NullPointerException("plan(" + batchTime + ") returned null");
    }
    sealedPlan = plan;
    return checked(replayable.read(batchTime, plan), "read", batchTime);
  }

  @Override
  byte[] sealedPlan() {
    return sealedPlan;
  }

  @Override
  List<?> replay(long batchTime, byte[] plan) throws Exception {
    if (replayable == null || plan == null) {
      return List.of();
    }
    return checked(replayable.read(batchTime, plan), "read", batchTime);
  }

  /** After a restart: the source goes on after the batch at {@code batchTime} of {@code plan}. */
  void resume(long batchTime, byte[] plan) throws Exception {
    if (replayable != null) {
      replayable.resume(batchTime, plan);
    }
  }

  /** Whether the source's batches can be read again after a crash. */
  boolean replayable() {
    return replayable != null;
  }

  private static List<?> checked(List<?> records, String method, long batchTime) {
    if (records == null) {
      throw new NullPointerException(method + "(" + batchTime + ") returned null");
    }
    return records;
  }

  @Override
  int takeQueuePeak() {
    return 0;
  }

  @Override
  long blockedNanos() {
    return 0;
  }

  @Override
  void stop() {}

  @Override
  boolean ended() {
    return true;
  }

  @Override
  Throwable failure() {
    return null;
  }

  @Override
  long discard() {
    return 0;
  }

  @Override
  boolean runsOn(Thread thread) {
    return false;
  }

  @Override
  boolean threadAlive() {
    return false;
  }

  @Override
  void join(long millis) {}
}
