package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Codec;
import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.codec.Codecs;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver source a test drives: {@link #send} records, {@link #awaitStored} them, then {@link
 * #end} or {@link #fail} the input.
 */
public final class ScriptedReceiver implements ReceiverSource<String> {

  private static final Object END = new Object();

  private final LinkedBlockingQueue<Object> script = new LinkedBlockingQueue<>();
  private final Semaphore stored = new Semaphore(0);

  /** How often {@link #stop()} and {@link #close()} were called. */
  public final AtomicInteger stops = new AtomicInteger();

  public final AtomicInteger closes = new AtomicInteger();
  private final CountDownLatch stopCalled = new CountDownLatch(1);

  /** Queues records for the receiving thread to store. */
  public void send(String... records) {
    for (String record : records) {
      script.add(record);
    }
  }

  /** Makes {@code receive} return after the records sent so far. */
  public void end() {
    script.add(END);
  }

  /** Makes {@code receive} throw {@code failure} after the records sent so far. */
  public void fail(Exception failure) {
    script.add(failure);
  }

  /** Waits until {@code count} more records were stored. */
  public void awaitStored(int count) throws InterruptedException {
    assertTrue(stored.tryAcquire(count, 10, TimeUnit.SECONDS), "records stored in time");
  }

  @Override
  public void receive(Receiver<String> receiver) throws Exception {
    while (!receiver.isStopped()) {
      Object next = script.take(); // interrupted on stop
      if (next == END) {
        return;
      }
      if (next instanceof Exception failure) {
        throw failure;
      }
      receiver.store((String) next);
      stored.release();
    }
  }

  /** Lines are logged as UTF-8, as the socket source's are. */
  @Override
  public Codec<String> recordCodec() {
    return Codecs.string();
  }

  /** Waits until the pipeline called {@link #stop()}. */
  public void awaitStopCalled() throws InterruptedException {
    assertTrue(stopCalled.await(10, TimeUnit.SECONDS), "stop called in time");
  }

  @Override
  public void stop() {
    stops.incrementAndGet();
    stopCalled.countDown();
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }

  @Override
  public String describe() {
    return "scripted";
  }
}
