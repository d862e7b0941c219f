package dev.sluice.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state handle throws exactly where Spark's does, with Spark's messages. */
class StateHandleTest {

  @Test
  void anAbsentStateDoesNotExistAndGetThrows() {
    StateHandle<String> state = new StateHandle<>();
    state.wrap(false, null);
    assertFalse(state.exists());
    assertEquals(Optional.empty(), state.getOption());
    assertEquals("<state not set>", state.toString());
    NoSuchElementException e = assertThrows(NoSuchElementException.class, state::get);
    assertEquals("State is not set", e.getMessage());
  }

  @Test
  void updateMakesItExistAndMayBeRepeatedThenRemoved() {
    StateHandle<String> state = new StateHandle<>();
    state.wrap(false, null);
    state.update("a");
    state.update("b");
    assertTrue(state.exists() && state.updated());
    assertEquals("b", state.get());
    assertEquals("b", state.toString());
    state.remove();
    assertTrue(state.removed());
    assertFalse(state.exists() || state.updated());
  }

  @Test
  void updateAfterRemoveAndRemovingTwiceAreRefused() {
    StateHandle<String> state = new StateHandle<>();
    state.wrap(true, "a");
    state.remove();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> state.update("b"));
    assertEquals(
        "requirement failed: Cannot update the state after it has been removed", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, state::remove);
    assertEquals(
        "requirement failed: Cannot remove the state that has already been removed",
        e.getMessage());
  }

  @Test
  void rewrappingClearsTheFlagsOfTheLastCall() {
    StateHandle<String> state = new StateHandle<>();
    state.wrapTimingOut("old");
    assertTrue(state.isTimingOut());
    state.wrap(true, "a");
    assertFalse(state.isTimingOut() || state.updated() || state.removed());
    assertEquals("a", state.get());
    state.release();
    state.wrap(true, null); // a null state exists, as in Spark
    assertTrue(state.exists());
    assertNull(state.get());
    assertEquals(Optional.empty(), state.getOption());
  }
}
