package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sluice.api.Receiver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A receiver that queues every stored record for the test thread to take. */
final class CollectingReceiver implements Receiver<String> {

  private final BlockingQueue<String> records = new LinkedBlockingQueue<>();
  private volatile boolean stopped;

  @Override
  public void store(String record) {
    records.add(record);
  }

  @Override
  public boolean isStopped() {
    return stopped;
  }

  /** Makes {@link #isStopped()} true. */
  void stop() {
    stopped = true;
  }

  /** The next stored record, waiting up to 5 s for it. */
  String next() throws InterruptedException {
    String record = records.poll(5, TimeUnit.SECONDS);
    assertNotNull(record, "no record stored within 5 s");
    return record;
  }

  /** The records stored and not yet taken. */
  int pending() {
    return records.size();
  }
}
