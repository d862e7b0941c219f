package dev.sluice.runtime.engine;

import dev.sluice.api.BatchSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A batch source that returns the lines a test put for a batch time, and records its calls. */
public final class ScriptedBatchSource implements BatchSource<String> {

  private final Map<Long, List<String>> batches = new ConcurrentHashMap<>();
  private volatile long failAt = Long.MIN_VALUE;
  /** The batch times {@code nextBatch} was called with, in order. */
  public final List<Long> calls = new CopyOnWriteArrayList<>();
  public final AtomicInteger closes = new AtomicInteger();

  /** Makes the batch at {@code time} hold {@code lines}. */
  public ScriptedBatchSource put(long time, List<String> lines) {
    batches.put(time, lines);
    return this;
  }

  /** Makes {@code nextBatch(time)} throw {@code IllegalStateException: no data}. */
  public ScriptedBatchSource failAt(long time) {
    failAt = time;
    return this;
  }

  @Override
  public List<String> nextBatch(long batchTimeMs) {
    calls.add(batchTimeMs);
    if (batchTimeMs == failAt) {
      throw new IllegalStateException("no data");
    }
    return batches.getOrDefault(batchTimeMs, List.of());
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }

  @Override
  public String describe() {
    return "scripted batches";
  }
}
