package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class OutputBatchTest {

  private final Batch<String> batch =
      new OutputBatch<>(
          2000, 7, new List<?>[] {List.of("a", "b"), new ArrayList<>(), List.of("c")});

  @Test
  void exposesTimePartitionsAndCount() {
    assertEquals(2000, batch.time());
    assertEquals(7, batch.index());
    assertEquals(3, batch.partitionCount());
    assertEquals(List.of("a", "b"), batch.partition(0));
    assertEquals(List.of(), batch.partition(1));
    assertEquals(List.of("c"), batch.partition(2));
    assertEquals(3, batch.count());
    assertFalse(batch.isEmpty());
  }

  @Test
  void iteratesPartitionByPartitionSkippingEmptyOnes() {
    List<String> seen = new ArrayList<>();
    batch.forEach(seen::add);
    assertEquals(List.of("a", "b", "c"), seen);
    assertEquals(List.of("a", "b", "c"), batch.toList());
    Iterator<String> it = batch.iterator();
    it.next();
    it.next();
    it.next();
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void isReadOnly() {
    assertThrows(UnsupportedOperationException.class, () -> batch.partition(0).add("x"));
    assertThrows(UnsupportedOperationException.class, () -> batch.partition(1).add("x"));
    Iterator<String> it = batch.iterator();
    it.next();
    assertThrows(UnsupportedOperationException.class, it::remove);
    List<String> copy = batch.toList();
    copy.add("mine"); // toList is a new list
    assertEquals(3, batch.count());
  }

  @Test
  void anEmptyBatchIsEmpty() {
    Batch<String> empty = new OutputBatch<>(3000, 8, new List<?>[] {new ArrayList<>(), List.of()});
    assertTrue(empty.isEmpty());
    assertEquals(0, empty.count());
    assertEquals(2, empty.partitionCount());
    assertFalse(empty.iterator().hasNext());
  }
}
