package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void spinsThenYieldsThenSaysPark() {
    Backoff backoff = new Backoff();
    for (int round = 0; round < Backoff.SPINS + Backoff.YIELDS; round++) {
      assertFalse(backoff.idle(), "round " + round);
    }
    assertTrue(backoff.idle());
    assertTrue(backoff.idle(), "stays at park until reset");
  }

  @Test
  void resetStartsOverWithSpinning() {
    Backoff backoff = new Backoff();
    while (!backoff.idle()) {
      // use up spinning and yielding
    }
    backoff.reset();
    assertFalse(backoff.idle());
  }
}
