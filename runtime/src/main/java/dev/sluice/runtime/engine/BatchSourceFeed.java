package dev.sluice.runtime.engine;

import dev.sluice.api.BatchSource;
import java.util.List;

/** An input whose {@link BatchSource} is asked for each batch's records when it is sealed. */
final class BatchSourceFeed extends InputFeed {

  private final BatchSource<?> source;

  BatchSourceFeed(String name, BatchSource<?> source) {
    super(name);
    this.source = source;
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
    List<?> records = source.nextBatch(batchTime);
    if (records == null) {
      throw new NullPointerException("nextBatch(" + batchTime + ") returned null");
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
  void join(long millis) {}
}
