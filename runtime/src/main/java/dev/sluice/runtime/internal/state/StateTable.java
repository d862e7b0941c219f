package dev.sluice.runtime.internal.state;

/**
 * Keys to states and the batch time each was last written, with removal: the table behind {@code
 * mapWithState}. Open addressing with linear probing and backward-shift deletion (no tombstones, so
 * lookups stay short however many keys come and go); entries are dense, numbered {@code 0 ..
 * size()-1}, and removing one moves the last entry into its place, so iteration order is
 * deterministic but not insertion order.
 *
 * <p><b>Threads:</b> not thread-safe; owned by one task at a time. <b>Keys</b> may be {@code null}
 * and are compared with {@code equals}. <b>Cost:</b> find, put and remove are O(1) expected; the
 * arrays grow by doubling and never shrink.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
final class StateTable<K, S> {

  private static final int MIN_CAPACITY = 16;

  /** Slot to entry number + 1; 0 marks an empty slot. Length is a power of two, twice capacity. */
  private int[] slots;

  private Object[] keys;
  private int[] hashes;
  private Object[] states;
  private long[] times;
  private int size;
  private int shift;

  StateTable(int expectedKeys) {
    int capacity = MIN_CAPACITY;
    while (capacity < expectedKeys) {
      capacity <<= 1;
    }
    allocate(capacity);
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked") // only K values are stored in keys
  K key(int entry) {
    return (K) keys[entry];
  }

  @SuppressWarnings("unchecked") // only S values are stored in states
  S state(int entry) {
    return (S) states[entry];
  }

  /** The batch time at which entry {@code entry} was last written. */
  long time(int entry) {
    return times[entry];
  }

  /** The entry of {@code key}, or -1. */
  int find(K key) {
    int hash = hash(key);
    int mask = slots.length - 1;
    for (int slot = hash >>> shift; ; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        return -1;
      }
      if (hashes[entry] == hash && same(keys[entry], key)) {
        return entry;
      }
    }
  }

  /** Sets the state and time of entry {@code entry}. */
  void set(int entry, S state, long time) {
    states[entry] = state;
    times[entry] = time;
  }

  /** Sets {@code key}'s state and time, adding the key if absent. */
  void put(K key, S state, long time) {
    int entry = find(key);
    if (entry < 0) {
      if (size == keys.length) {
        grow();
      }
      entry = size++;
      int hash = hash(key);
      keys[entry] = key;
      hashes[entry] = hash;
      int mask = slots.length - 1;
      int slot = hash >>> shift;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry + 1;
    }
    set(entry, state, time);
  }

  /** Removes entry {@code entry}; the last entry takes its number. */
  void remove(int entry) {
    deleteSlot(slotOf(entry));
    int last = size - 1;
    if (entry != last) {
      slots[slotOf(last)] = entry + 1;
      keys[entry] = keys[last];
      hashes[entry] = hashes[last];
      states[entry] = states[last];
      times[entry] = times[last];
    }
    keys[last] = null;
    states[last] = null;
    size = last;
  }

  /** The slot that points at {@code entry}. */
  private int slotOf(int entry) {
    int mask = slots.length - 1;
    int slot = hashes[entry] >>> shift;
    while (slots[slot] != entry + 1) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Empties {@code hole}, shifting back later slots of the run that probed past it. */
  private void deleteSlot(int hole) {
    int mask = slots.length - 1;
    for (int slot = (hole + 1) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int home = hashes[slots[slot] - 1] >>> shift;
      // move the entry into the hole unless its home lies cyclically in (hole, slot]
      if (((slot - home) & mask) >= ((slot - hole) & mask)) {
        slots[hole] = slots[slot];
        hole = slot;
      }
    }
    slots[hole] = 0;
  }

  private void grow() {
    int[] oldHashes = hashes;
    Object[] oldKeys = keys;
    Object[] oldStates = states;
    long[] oldTimes = times;
    allocate(keys.length * 2);
    System.arraycopy(oldKeys, 0, keys, 0, size);
    System.arraycopy(oldHashes, 0, hashes, 0, size);
    System.arraycopy(oldStates, 0, states, 0, size);
    System.arraycopy(oldTimes, 0, times, 0, size);
    int mask = slots.length - 1;
    for (int entry = 0; entry < size; entry++) {
      int slot = hashes[entry] >>> shift;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry + 1;
    }
  }

  private void allocate(int capacity) {
    keys = new Object[capacity];
    hashes = new int[capacity];
    states = new Object[capacity];
    times = new long[capacity];
    slots = new int[capacity * 2];
    shift = Integer.numberOfLeadingZeros(slots.length - 1);
  }

  /** Fibonacci hashing, as in the runtime's other key indexes. */
  private static int hash(Object key) {
    return key == null ? 0 : key.hashCode() * 0x9E3779B9;
  }

  private static boolean same(Object stored, Object key) {
    return stored == key || (stored != null && stored.equals(key));
  }
}
