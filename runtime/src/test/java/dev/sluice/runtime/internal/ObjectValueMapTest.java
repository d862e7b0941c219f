package dev.sluice.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ObjectValueMapTest {

  @Test
  void combinesReferenceValuesAndClearsThem() {
    ObjectValueMap<String, String> map = new ObjectValueMap<>(1);
    for (String word : "a b a c b a".split(" ")) {
      int entry = map.add(word);
      if (entry < 0) {
        map.set(~entry, word);
      } else {
        map.set(entry, map.get(entry) + word);
      }
    }
    assertEquals(3, map.size());
    assertEquals("aaa", map.get(map.find("a")));
    assertEquals("bb", map.get(map.find("b")));
    assertEquals("c", map.get(map.find("c")));
    map.clear();
    assertEquals(0, map.size());
    int entry = map.add("z");
    assertEquals(~0, entry);
    assertNull(map.get(0), "values are released on clear");
  }

  @Test
  void growsPastItsInitialCapacity() {
    ObjectValueMap<Integer, Integer> map = new ObjectValueMap<>(1);
    for (int i = 0; i < 1000; i++) {
      map.set(~map.add(i), i * 2);
    }
    assertEquals(1000, map.size());
    assertEquals(1998, map.get(map.find(999)));
  }
}
