package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KVTest {

  @Test
  void printsLikeATupleInSparkOutput() {
    assertEquals("(hello,1)", KV.of("hello", 1L).toString());
    assertEquals("(k,(a,b))", KV.of("k", KV.of("a", "b")).toString());
    assertEquals("(k,Optional.empty)", KV.of("k", Optional.empty()).toString());
    assertEquals("(null,null)", KV.of(null, null).toString());
  }

  @Test
  void equalByKeyAndValue() {
    assertEquals(KV.of("a", 1), KV.of("a", 1));
    assertEquals(KV.of("a", 1).hashCode(), KV.of("a", 1).hashCode());
    assertNotEquals(KV.of("a", 1), KV.of("a", 2));
  }
}
