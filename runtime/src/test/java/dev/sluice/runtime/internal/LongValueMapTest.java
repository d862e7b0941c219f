package dev.sluice.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongValueMapTest {

  /** Combines like generated code does: one lookup, new entries encoded as ~entry. */
  private static void add(LongValueMap<Object> map, Object key, long value) {
    int entry = map.add(key);
    if (entry < 0) {
      map.set(~entry, value);
    } else {
      map.set(entry, map.get(entry) + value);
    }
  }

  @Test
  void newKeysAreNumberedInInsertionOrderAndExistingKeysFound() {
    LongValueMap<Object> map = new LongValueMap<>(4);
    assertEquals(~0, map.add("b"));
    map.set(0, 10);
    assertEquals(~1, map.add("a"));
    map.set(1, 20);
    assertEquals(0, map.add("b"));
    assertEquals(1, map.find("a"));
    assertEquals(-1, map.find("c"));
    assertEquals(2, map.size());
    assertEquals("b", map.key(0));
    assertEquals(10, map.get(0));
    assertEquals("a", map.key(1));
    assertEquals(20, map.get(1));
  }

  @Test
  void matchesHashMapOverManyKeysThroughGrowth() {
    LongValueMap<Object> map = new LongValueMap<>(1);
    Map<Object, Long> expected = new HashMap<>();
    List<Object> order = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      Integer key = random.nextInt(50_000);
      add(map, key, i);
      if (!expected.containsKey(key)) {
        order.add(key);
      }
      expected.merge(key, (long) i, Long::sum);
    }
    assertEquals(expected.size(), map.size());
    for (int entry = 0; entry < map.size(); entry++) {
      assertEquals(order.get(entry), map.key(entry));
      assertEquals(expected.get(map.key(entry)), map.get(entry));
    }
  }

  @Test
  void keysWithEqualHashCodesStayDistinct() {
    // "Aa" and "BB" share a hash code, as do all their concatenations.
    String[] keys = {"AaAa", "AaBB", "BBAa", "BBBB"};
    LongValueMap<Object> map = new LongValueMap<>(2);
    for (String key : keys) {
      add(map, key, 1);
      add(map, key, 1);
    }
    assertEquals(4, map.size());
    for (int entry = 0; entry < 4; entry++) {
      assertEquals(keys[entry], map.key(entry));
      assertEquals(2, map.get(entry));
    }
  }

  @Test
  void keysSharingAPartitionModulusDoNotCollapse() {
    // Keys routed to one reduce partition share hashCode % partitions; hashing must spread them.
    LongValueMap<Object> map = new LongValueMap<>(16);
    for (int i = 0; i < 10_000; i++) {
      add(map, i * 1024, 1);
    }
    assertEquals(10_000, map.size());
    assertEquals(9999 * 1024, map.key(9999));
  }

  @Test
  void nullIsAKeyLikeAnyOther() {
    LongValueMap<Object> map = new LongValueMap<>(4);
    add(map, null, 3);
    add(map, "x", 1);
    add(map, null, 4);
    assertEquals(2, map.size());
    assertNull(map.key(0));
    assertEquals(7, map.get(0));
    assertEquals(0, map.find(null));
  }

  @Test
  void clearEmptiesButKeepsWorking() {
    LongValueMap<Object> map = new LongValueMap<>(4);
    for (int i = 0; i < 100; i++) {
      add(map, i, i);
    }
    map.clear();
    assertEquals(0, map.size());
    assertEquals(-1, map.find(5));
    add(map, 5, 9);
    assertEquals(1, map.size());
    assertEquals(9, map.get(map.find(5)));
    assertTrue(map.add(5) >= 0);
  }
}
