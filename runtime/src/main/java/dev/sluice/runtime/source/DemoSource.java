package dev.sluice.runtime.source;

import dev.sluice.api.BatchSource;
import java.util.List;

/**
 * The input of the out-of-the-box run: batch {@code i} is one line of a three-line trace,
 * {@code "hello world"}, {@code "hello spark"}, {@code "world spark"}, cycling. Deterministic, so
 * the first run's output can be checked by eye.
 *
 * <p>Not thread-safe: {@link #nextBatch} is called by the driver thread only.
 */
final class DemoSource implements BatchSource<String> {

  private static final List<List<String>> TRACE =
      List.of(List.of("hello world"), List.of("hello spark"), List.of("world spark"));

  private int next;

  @Override
  public List<String> nextBatch(long batchTimeMs) {
    List<String> batch = TRACE.get(next);
    next = (next + 1) % TRACE.size();
    return batch;
  }

  @Override
  public String describe() {
    return "demo";
  }
}
