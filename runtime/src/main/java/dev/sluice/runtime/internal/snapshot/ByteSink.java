package dev.sluice.runtime.internal.snapshot;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array to encode images into: a {@link java.io.ByteArrayOutputStream} without its
 * locks, which cost more than the bytes when a million small values are written one by one.
 *
 * <p><b>Threads:</b> not thread-safe; one encoder at a time.
 */
final class ByteSink extends OutputStream {

  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  /** A copy of the bytes written. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
