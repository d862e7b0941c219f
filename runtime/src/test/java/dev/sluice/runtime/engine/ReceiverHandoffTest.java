package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ReceiverStoppedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ReceiverHandoffTest {

  private final Parker driver = new Parker(() -> false);

  @Test
  void drainsWhatWasStoredInOrder() {
    ReceiverHandoff handoff = new ReceiverHandoff("input 'lines' of Test", 8, driver);
    handoff.bind(Thread.currentThread());
    handoff.store("a");
    handoff.store("b");
    handoff.store("c");
    assertTrue(handoff.hasRecords());
    List<Object> drained = new ArrayList<>();
    assertEquals(3, handoff.drainTo(drained::add));
    assertEquals(List.of("a", "b", "c"), drained);
    assertFalse(handoff.hasRecords());
    assertEquals(0, handoff.blockedNanos());
  }

  @Test
  void aFullQueueMakesStoreWaitUntilDrainedAndLosesNothing() throws InterruptedException {
    ReceiverHandoff handoff = new ReceiverHandoff("input 'lines' of Test", 4, driver);
    Thread receiver =
        new Thread(
            () -> {
              for (int i = 0; i < 10; i++) {
                handoff.store(i);
              }
            });
    handoff.bind(receiver);
    receiver.start();
    List<Object> drained = new ArrayList<>();
    WorkerTest.awaitParked(receiver); // queue full, the fifth store waits
    assertEquals(4, handoff.drainTo(drained::add));
    assertEquals(List.of(0, 1, 2, 3), drained);
    while (drained.size() < 10) {
      handoff.drainTo(drained::add); // each drain wakes the waiting store
      Thread.yield();
    }
    receiver.join();
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), drained);
    assertTrue(handoff.blockedNanos() > 0, "the wait is counted as backpressure");
  }

  @Test
  void stopWakesAWaitingStoreWhichThrowsAndTakesNothing() throws InterruptedException {
    ReceiverHandoff handoff = new ReceiverHandoff("input 'lines' of Test", 4, driver);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread receiver =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 5; i++) {
                  handoff.store(i);
                }
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    handoff.bind(receiver);
    receiver.start();
    WorkerTest.awaitParked(receiver);
    handoff.stop();
    receiver.join();
    assertEquals(ReceiverStoppedException.class, thrown.get().getClass());
    assertEquals(
        "input 'lines' of Test is stopped; the record was not taken", thrown.get().getMessage());
    List<Object> drained = new ArrayList<>();
    handoff.drainTo(drained::add);
    assertEquals(List.of(0, 1, 2, 3), drained);
    assertTrue(handoff.isStopped());
  }

  @Test
  void storeAfterStopThrows() {
    ReceiverHandoff handoff = new ReceiverHandoff("input 'lines' of Test", 4, driver);
    handoff.bind(Thread.currentThread());
    handoff.stop();
    ReceiverStoppedException stopped =
        assertThrows(ReceiverStoppedException.class, () -> handoff.store("late"));
    assertEquals(
        "input 'lines' of Test is stopped; the record was not taken", stopped.getMessage());
    assertFalse(handoff.hasRecords());
  }

  @Test
  void onlyTheReceivingThreadMayStore() throws InterruptedException {
    ReceiverHandoff handoff = new ReceiverHandoff("input 'lines' of Test", 4, driver);
    handoff.bind(Thread.currentThread());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread other =
        new Thread(
            () -> {
              try {
                handoff.store("x");
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "not-receiving");
    other.start();
    other.join();
    assertEquals(IllegalStateException.class, thrown.get().getClass());
    assertEquals(
        "input 'lines' of Test: Receiver.store called from thread not-receiving; only "
            + "the thread running receive may store",
        thrown.get().getMessage());
    assertFalse(handoff.hasRecords());
  }

  @Test
  void nullRecordsAreRefused() {
    ReceiverHandoff handoff = new ReceiverHandoff("input 'lines' of Test", 4, driver);
    handoff.bind(Thread.currentThread());
    NullPointerException refused =
        assertThrows(NullPointerException.class, () -> handoff.store(null));
    assertEquals(
        "input 'lines' of Test: Receiver.store(null); records are never null",
        refused.getMessage());
  }
}
