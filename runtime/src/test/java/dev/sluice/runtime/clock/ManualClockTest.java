package dev.sluice.runtime.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ManualClockTest {

  @Test
  void movesOnlyWhenTold() {
    ManualClock clock = BatchClock.manual(1000);
    assertEquals(1000, clock.millis());
    clock.advance(Duration.ofMillis(500));
    assertEquals(1500, clock.millis());
    clock.setMillis(4000);
    assertEquals(4000, clock.millis());
    clock.setMillis(4000);
    assertEquals(4000, clock.millis());
  }

  @Test
  void neverGoesBack() {
    ManualClock clock = BatchClock.manual(1000);
    IllegalArgumentException back =
        assertThrows(IllegalArgumentException.class, () -> clock.setMillis(999));
    assertEquals("a manual clock cannot go back, from 1000 to 999", back.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMillis(-1)));
    assertEquals("a manual clock cannot go back, advanced by PT-0.001S", negative.getMessage());
    assertEquals(1000, clock.millis());
  }

  @Test
  void runsWakeUpsAfterEveryMoveWithTheNewTimeVisible() {
    ManualClock clock = BatchClock.manual(0);
    List<Long> seen = new ArrayList<>();
    Runnable wakeUp = () -> seen.add(clock.millis());
    clock.addWakeUp(wakeUp);
    clock.advance(Duration.ofSeconds(1));
    clock.setMillis(2500);
    clock.removeWakeUp(wakeUp);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(1000L, 2500L), seen);
  }

  @Test
  void sleepsUntilWokenUnlessTheTimeIsReached() {
    ManualClock clock = BatchClock.manual(1000);
    assertEquals(Long.MAX_VALUE, clock.nanosUntil(1001));
    assertEquals(0, clock.nanosUntil(1000));
    assertEquals(0, clock.nanosUntil(5));
  }

  @Test
  void aRealTimeClockSleepsForTheRemainingTime() {
    BatchClock fixed = () -> 1000;
    assertEquals(250_000_000L, fixed.nanosUntil(1250));
    assertEquals(0, fixed.nanosUntil(1000));
    assertEquals(0, fixed.nanosUntil(0));
    assertEquals(Long.MAX_VALUE, fixed.nanosUntil(Long.MAX_VALUE));
    long systemSleep = BatchClock.system().nanosUntil(System.currentTimeMillis() + 60_000);
    assertTrue(systemSleep > 0 && systemSleep <= 60_000_000_000L, "sleep " + systemSleep);
  }

  @Test
  @Timeout(20)
  void concurrentAdvancesAllCount() throws InterruptedException {
    ManualClock clock = BatchClock.manual(0);
    AtomicInteger wakeUps = new AtomicInteger();
    clock.addWakeUp(wakeUps::incrementAndGet);
    AtomicLong maxSeen = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  clock.advance(Duration.ofMillis(1));
                  maxSeen.accumulateAndGet(clock.millis(), Math::max);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(40_000, clock.millis());
    assertEquals(40_000, wakeUps.get());
    assertEquals(40_000, maxSeen.get());
  }
}
