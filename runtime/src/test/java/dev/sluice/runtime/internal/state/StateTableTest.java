package dev.sluice.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The state table against a HashMap under random puts and removals, colliding keys included. */
class StateTableTest {

  /** A key whose hash code collides with others in groups of 8. */
  private record Colliding(int id) {
    @Override
    public int hashCode() {
      return id / 8;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void behavesLikeAMapUnderChurn(long seed) {
    Random random = new Random(seed);
    StateTable<Object, Integer> table = new StateTable<>(4);
    Map<Object, Integer> expected = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      int id = random.nextInt(300);
      Object key = id % 3 == 0 ? new Colliding(id) : id == 1 ? null : "k" + id;
      int entry = table.find(key);
      assertEquals(expected.containsKey(key), entry >= 0, "step " + step);
      if (random.nextInt(3) == 0 && entry >= 0) {
        table.remove(entry);
        expected.remove(key);
      } else {
        table.put(key, step, step);
        expected.put(key, step);
      }
    }
    Map<Object, Integer> actual = new HashMap<>();
    for (int e = 0; e < table.size(); e++) {
      actual.put(table.key(e), table.state(e));
      assertEquals((long) table.state(e), table.time(e));
    }
    assertEquals(expected, actual);
  }

  @Test
  void removingTheLastEntryOrAMiddleOneKeepsTheOthersFindable() {
    StateTable<String, String> table = new StateTable<>(4);
    table.put("a", "1", 10);
    table.put("b", "2", 20);
    table.put("c", "3", 30);
    table.remove(table.find("a"));
    assertEquals(2, table.size());
    assertEquals("c", table.key(0)); // the last entry took the removed one's place
    assertEquals("3", table.state(table.find("c")));
    assertEquals(20, table.time(table.find("b")));
    table.remove(table.find("b"));
    assertEquals(-1, table.find("b"));
    assertEquals(0, table.find("c"));
  }
}
