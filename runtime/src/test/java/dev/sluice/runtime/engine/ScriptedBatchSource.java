package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.BatchSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A batch source that returns the lines a test put for a batch time, and records its calls. */
public final class ScriptedBatchSource implements BatchSource<String> {

  private final Map<Long, List<String>> batches = new ConcurrentHashMap<>();
  private volatile long failAt = Long.MIN_VALUE;

  /** The batch times {@code nextBatch} was called with, in order. */
  public final List<Long> calls = new CopyOnWriteArrayList<>();

  public final AtomicInteger closes = new AtomicInteger();
  private final Semaphore called = new Semaphore(0);

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

  /** Waits until {@code nextBatch} was called {@code count} more times. */
  public void awaitCalls(int count) throws InterruptedException {
    assertTrue(called.tryAcquire(count, 10, TimeUnit.SECONDS), "nextBatch called in time");
  }

  @Override
  public List<String> nextBatch(long batchTimeMs) {
    calls.add(batchTimeMs);
    called.release();
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
