package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sluice.api.Receiver;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A receiver that queues every stored record for the test thread to take, and keeps errors. */
final class CollectingReceiver implements Receiver<String> {

  private final BlockingQueue<String> records = new LinkedBlockingQueue<>();

  /** The messages of the errors reported, in order. */
  final List<String> errors = new CopyOnWriteArrayList<>();

  private volatile boolean stopped;

  @Override
  public void store(String record) {
    records.add(record);
  }

  @Override
  public void reportError(String message, Throwable cause) {
    errors.add(cause == null ? message : message + ": " + cause);
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
