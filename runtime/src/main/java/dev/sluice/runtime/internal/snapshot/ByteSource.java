package dev.sluice.runtime.internal.snapshot;

import java.io.InputStream;

/**
 * Reads a byte array: a {@link java.io.ByteArrayInputStream} without its locks, for decoding images
 * value by value.
 *
 * <p><b>Threads:</b> not thread-safe; one decoder at a time.
 */
final class ByteSource extends InputStream {

  private final byte[] bytes;
  private int position;

  ByteSource(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (position >= bytes.length) {
      return -1;
    }
    int n = Math.min(len, bytes.length - position);
    System.arraycopy(bytes, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return bytes.length - position;
  }
}
