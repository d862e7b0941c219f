package dev.sluice.examples;

import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wraps a receiver source and counts the records it has stored, so that a test advances its manual
 * clock only once a record is in the pipeline's hands.
 */
final class CountingSource<T> implements ReceiverSource<T> {

  private final ReceiverSource<T> delegate;
  private final Semaphore stored = new Semaphore(0);

  CountingSource(ReceiverSource<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void receive(Receiver<T> receiver) throws Exception {
    delegate.receive(
        new Receiver<>() {
          @Override
          public void store(T record) {
            receiver.store(record);
            stored.release();
          }

          @Override
          public boolean isStopped() {
            return receiver.isStopped();
          }
        });
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() throws Exception {
    delegate.close();
  }

  /** Waits until {@code count} more records have been stored; false on timeout. */
  boolean awaitStored(int count, Duration timeout) throws InterruptedException {
    return stored.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
