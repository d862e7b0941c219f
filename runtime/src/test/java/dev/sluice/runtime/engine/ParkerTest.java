package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ParkerTest {

  @Test
  void doesNotParkWhenWorkIsAlreadyThere() {
    Parker parker = new Parker(() -> true);
    parker.bind(Thread.currentThread());
    parker.park(Long.MAX_VALUE); // would hang the test if it parked
  }

  /**
   * The race the handshake exists for: the waker publishes and wakes right after the owner's
   * re-check found nothing. The owner has announced the park, so the waker sees it and leaves a
   * permit; the park returns at once instead of sleeping forever.
   */
  @Test
  void aWakeBetweenTheRecheckAndTheParkIsNotLost() {
    AtomicLong work = new AtomicLong();
    Parker[] parker = new Parker[1];
    parker[0] =
        new Parker(
            () -> {
              boolean ready = work.get() > 0;
              if (!ready) { // the waker strikes in the gap
                work.incrementAndGet();
                parker[0].wake();
              }
              return ready;
            });
    parker[0].bind(Thread.currentThread());
    parker[0].park(Long.MAX_VALUE); // hangs (and times out) if the wake-up were lost
    assertEquals(1, work.get());
  }

  /**
   * Two threads hand a token back and forth, each parking whenever it has to wait: a lost wake-up
   * would hang the test. Waiting threads park at once (no spinning) so that almost every hand-off
   * goes through the park/wake handshake.
   */
  @Test
  void pingPongThroughParksLosesNoWakeUp() throws InterruptedException {
    int rounds = 20_000;
    AtomicLong token = new AtomicLong(); // even: ping's turn, odd: pong's turn
    Parker[] parkers = new Parker[2];
    parkers[0] = new Parker(() -> token.get() % 2 == 0);
    parkers[1] = new Parker(() -> token.get() % 2 == 1);
    Thread[] threads = new Thread[2];
    for (int side = 0; side < 2; side++) {
      int me = side;
      threads[side] =
          new Thread(
              () -> {
                for (int round = 0; round < rounds; round++) {
                  while (token.get() % 2 != me) {
                    parkers[me].park(Long.MAX_VALUE);
                  }
                  token.incrementAndGet();
                  parkers[1 - me].wake();
                }
              });
      parkers[side].bind(threads[side]);
    }
    threads[0].start();
    threads[1].start();
    threads[0].join();
    threads[1].join();
    assertEquals(2L * rounds, token.get());
  }

  @Test
  void parksWithTheParkerAsBlockerUntilWoken() throws InterruptedException {
    AtomicLong work = new AtomicLong();
    Parker parker = new Parker(() -> work.get() > 0);
    Thread owner =
        new Thread(
            () -> {
              while (work.get() == 0) {
                parker.park(Long.MAX_VALUE);
              }
            });
    parker.bind(owner);
    owner.start();
    while (LockSupport.getBlocker(owner) != parker) {
      Thread.onSpinWait(); // wait until it really parked
    }
    work.incrementAndGet();
    parker.wake();
    owner.join();
  }
}
