package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WorkerTest {

  @Test
  void runsTasksOnItsThreadInSubmitOrder() throws InterruptedException {
    Worker worker = new Worker("sluice-WorkerOrder-worker-0", 8);
    List<Integer> ran = new ArrayList<>(); // only the worker thread touches it
    List<String> threads = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    worker.start();
    for (int i = 0; i < 5; i++) {
      int n = i;
      worker.submit(
          () -> {
            ran.add(n);
            threads.add(Thread.currentThread().getName());
          });
    }
    worker.submit(done::countDown);
    worker.signal();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(0, 1, 2, 3, 4), ran); // visible: the latch orders the reads after the runs
    assertEquals(List.of("sluice-WorkerOrder-worker-0"), threads.stream().distinct().toList());
    worker.shutdown();
    worker.join();
  }

  /**
   * Rounds of hand-offs with the worker parked in between: each round must wake it (no lost
   * wake-up), and each task must see the plain writes the submitter made before submitting.
   */
  @Test
  void wakesFromParkForEveryRoundAndSeesTheSubmittersWrites() throws InterruptedException {
    Worker worker = new Worker("sluice-WorkerRounds-worker-0", 4);
    worker.start();
    long[] written = new long[1]; // plain: published by the queue hand-off
    AtomicLong seen = new AtomicLong();
    for (int round = 1; round <= 200; round++) {
      if (round % 20 == 0) {
        awaitParked(worker.thread());
      }
      written[0] = round;
      CountDownLatch done = new CountDownLatch(1);
      worker.submit(
          () -> {
            seen.set(written[0]);
            done.countDown();
          });
      worker.signal();
      assertTrue(done.await(10, TimeUnit.SECONDS), "round " + round);
      assertEquals(round, seen.get());
    }
    worker.shutdown();
    worker.join();
  }

  @Test
  void manyTasksFromOneSubmitterAllRunOnce() throws InterruptedException {
    Worker worker = new Worker("sluice-WorkerMany-worker-0", 64);
    worker.start();
    long[] sum = new long[1]; // only the worker thread writes it
    int tasks = 200_000;
    int submitted = 0;
    CountDownLatch done = new CountDownLatch(1);
    while (submitted < tasks) {
      int batch = Math.min(32, tasks - submitted);
      CountDownLatch round = new CountDownLatch(batch);
      for (int i = 0; i < batch; i++) {
        long value = ++submitted;
        worker.submit(
            () -> {
              sum[0] += value;
              round.countDown();
            });
      }
      worker.signal();
      assertTrue(round.await(10, TimeUnit.SECONDS));
    }
    worker.submit(done::countDown);
    worker.signal();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals((long) tasks * (tasks + 1) / 2, sum[0]);
    worker.shutdown();
    worker.join();
  }

  @Test
  void aThrowingTaskDoesNotEndTheWorker() throws InterruptedException {
    Worker worker = new Worker("sluice-WorkerThrows-worker-0", 4);
    worker.start();
    CountDownLatch done = new CountDownLatch(1);
    worker.submit(
        () -> {
          throw new IllegalStateException("bug");
        });
    worker.submit(done::countDown);
    worker.signal();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    worker.shutdown();
    worker.join();
  }

  @Test
  void shutdownEndsTheThreadAfterItsQueuedTasks() throws InterruptedException {
    Worker worker = new Worker("sluice-WorkerShutdown-worker-0", 4);
    worker.start();
    awaitParked(worker.thread());
    AtomicLong ran = new AtomicLong();
    worker.submit(ran::incrementAndGet);
    worker.submit(ran::incrementAndGet);
    worker.shutdown(); // wakes it; it runs both, then ends
    worker.join();
    assertEquals(2, ran.get());
    assertFalse(worker.thread().isAlive());
  }

  @Test
  void aFullQueueIsRefused() {
    Worker worker = new Worker("sluice-WorkerFull-worker-0", 4); // not started: nothing drains
    for (int i = 0; i < 4; i++) {
      worker.submit(() -> {});
    }
    IllegalStateException full =
        assertThrows(IllegalStateException.class, () -> worker.submit(() -> {}));
    assertEquals("sluice-WorkerFull-worker-0: task queue full", full.getMessage());
  }

  /** Waits until {@code thread} parked in a {@link Parker}. */
  static void awaitParked(Thread thread) {
    while (!(LockSupport.getBlocker(thread) instanceof Parker)) {
      Thread.yield();
    }
  }
}
