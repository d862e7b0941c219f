package dev.sluice.runtime.engine;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every batch it is given; can be told to fail or to wait at one batch time. */
public final class CollectingSink implements Sink<KV<String, Long>> {

  /** The batches written, in order. */
  public final List<Batch<KV<String, Long>>> batches = new CopyOnWriteArrayList<>();

  public final AtomicInteger closes = new AtomicInteger();

  /** Counted down when {@code write} of the blocking batch starts. */
  public final CountDownLatch blocked = new CountDownLatch(1);

  /** Counted down by the test to let {@code write} of the blocking batch go on. */
  public final CountDownLatch release = new CountDownLatch(1);

  private volatile long failAt = Long.MIN_VALUE;
  private volatile long blockAt = Long.MIN_VALUE;

  /** Makes {@code write} of the batch at {@code time} throw {@code IOException: disk full}. */
  public CollectingSink failAt(long time) {
    failAt = time;
    return this;
  }

  /** Makes {@code write} of the batch at {@code time} wait for {@link #release}. */
  public CollectingSink blockAt(long time) {
    blockAt = time;
    return this;
  }

  @Override
  public void write(Batch<KV<String, Long>> batch) throws Exception {
    if (batch.time() == blockAt) {
      blocked.countDown();
      if (!release.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test did not release the sink");
      }
    }
    if (batch.time() == failAt) {
      throw new IOException("disk full");
    }
    batches.add(batch);
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }

  /** The batch times written, in order. */
  public List<Long> times() {
    return batches.stream().map(Batch::time).toList();
  }

  /** The counts of the batch at {@code time}, by word. */
  public Map<String, Long> counts(long time) {
    Map<String, Long> counts = new HashMap<>();
    for (Batch<KV<String, Long>> batch : batches) {
      if (batch.time() == time) {
        batch.forEach(kv -> counts.put(kv.key(), kv.value()));
      }
    }
    return counts;
  }

  /** The counts over every batch, by word. */
  public Map<String, Long> totals() {
    Map<String, Long> totals = new HashMap<>();
    for (Batch<KV<String, Long>> batch : batches) {
      batch.forEach(kv -> totals.merge(kv.key(), kv.value(), Long::sum));
    }
    return totals;
  }
}
