package dev.sluice.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PartitionerTest {

  @Test
  void hashCodeModuloPartitionsLikeSparksHashPartitioner() {
    assertEquals(Math.floorMod("hello".hashCode(), 4), Partitioner.partition("hello", 4));
    assertEquals(3, Partitioner.partition(7, 4));
    assertEquals(0, Partitioner.partition(8, 4));
  }

  @Test
  void negativeHashCodesGiveNonNegativePartitions() {
    assertEquals(1, Partitioner.partition(-7, 4));
    assertEquals(Math.floorMod(Integer.MIN_VALUE, 3), Partitioner.partition(Integer.MIN_VALUE, 3));
  }

  @Test
  void nullGoesToPartitionZero() {
    assertEquals(0, Partitioner.partition(null, 5));
  }
}
