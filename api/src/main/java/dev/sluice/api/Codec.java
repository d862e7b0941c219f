package dev.sluice.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How Sluice stores values of one type in its own files (the write-ahead log of a receiver's
 * records, and later state snapshots): never Java serialization, so that a recompiled pipeline
 * reads what an earlier build wrote.
 *
 * <p>{@link #read} must read exactly what {@link #write} wrote, with no framing around it: a codec
 * that writes a variable length writes the length itself. Codecs are stateless and may be called
 * from any thread.
 *
 * @param <T> the type of the values
 */
public interface Codec<T> {

  /** Writes {@code value}. */
  void write(T value, DataOutput out) throws IOException;

  /** Reads one value that {@link #write} wrote. */
  T read(DataInput in) throws IOException;
}
