package dev.sluice.runtime.source;

import dev.sluice.api.ReplayableSource;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The input of the out-of-the-box run: batch {@code i} is one line of a three-line trace, {@code
 * "hello world"}, {@code "hello spark"}, {@code "world spark"}, cycling. Deterministic, so the
 * first run's output can be checked by eye. Its plan is the line's position in the trace, so a
 * checkpointed demo run resumes where it stopped.
 *
 * <p>Not thread-safe: the driver thread calls it.
 */
final class DemoSource implements ReplayableSource<String> {

  private static final List<List<String>> TRACE =
      List.of(List.of("hello world"), List.of("hello spark"), List.of("world spark"));

  private int next;

  @Override
  public List<String> nextBatch(long batchTimeMs) {
    return read(batchTimeMs, plan(batchTimeMs));
  }

  @Override
  public byte[] plan(long batchTimeMs) {
    byte[] plan = ByteBuffer.allocate(4).putInt(next).array();
    next = (next + 1) % TRACE.size();
    return plan;
  }

  @Override
  public List<String> read(long batchTimeMs, byte[] plan) {
    return TRACE.get(ByteBuffer.wrap(plan).getInt());
  }

  @Override
  public void resume(long batchTimeMs, byte[] lastPlan) {
    next = (ByteBuffer.wrap(lastPlan).getInt() + 1) % TRACE.size();
  }

  @Override
  public String describe() {
    return "demo";
  }
}
