package dev.sluice.runtime.internal;

/**
 * Chooses the reduce partition of a key exactly as Spark's {@code HashPartitioner} does, so that
 * keys fall into the same partitions in both.
 */
public final class Partitioner {

  private Partitioner() {}

  /**
   * The partition of {@code key} among {@code partitions}: its hash code modulo, never negative.
   */
  public static int partition(Object key, int partitions) {
    if (key == null) {
      return 0;
    }
    int mod = key.hashCode() % partitions;
    return mod < 0 ? mod + partitions : mod;
  }
}
