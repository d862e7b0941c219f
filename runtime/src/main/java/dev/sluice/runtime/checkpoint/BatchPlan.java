package dev.sluice.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one batch reads, as logged before it runs: its index and time, and each input's plan.
 *
 * @param index the batch index, 0 for the checkpoint's first batch
 * @param time the batch time in ms
 * @param inputs one entry per input of the pipeline that logged it, in input order
 */
public record BatchPlan(long index, long time, List<InputPlan> inputs) {

  /** Copies the list. */
  public BatchPlan {
    inputs = List.copyOf(inputs);
  }

  /**
   * One input's part of a plan.
   *
   * @param input the input's stage name
   * @param plan what the input's replayable source planned, or {@code null} for a source that
   *     cannot replay
   */
  public record InputPlan(String input, byte[] plan) {}

  /** The plan of input {@code input}, or {@code null} if it has none or is not in this batch. */
  public byte[] planOf(String input) {
    for (InputPlan entry : inputs) {
      if (entry.input().equals(input)) {
        return entry.plan();
      }
    }
    return null;
  }

  /** The record payload: index, time, count, then per input its name and plan (-1: none). */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 32 * inputs.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(index);
      out.writeLong(time);
      out.writeInt(inputs.size());
      for (InputPlan input : inputs) {
        out.writeUTF(input.input());
        if (input.plan() == null) {
          out.writeInt(-1);
        } else {
          out.writeInt(input.plan().length);
          out.write(input.plan());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** Reads a payload made by {@link #encode()}. */
  static BatchPlan decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    long index = in.readLong();
    long time = in.readLong();
    int count = in.readInt();
    List<InputPlan> inputs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      int length = in.readInt();
      byte[] plan = null;
      if (length >= 0) {
        plan = new byte[length];
        in.readFully(plan);
      }
      inputs.add(new InputPlan(name, plan));
    }
    return new BatchPlan(index, time, inputs);
  }
}
