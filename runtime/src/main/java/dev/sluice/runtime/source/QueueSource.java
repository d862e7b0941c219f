package dev.sluice.runtime.source;

import dev.sluice.api.BatchSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Queue;

/**
 * Takes one collection per batch from a queue, like Spark Streaming's {@code queueStream} with
 * {@code oneAtATime = true}: each batch gets the records of the next collection, or no records when
 * the queue is empty.
 *
 * <p><b>Threads:</b> {@link #nextBatch} runs on the runtime's driver thread; any thread may add
 * collections to the queue meanwhile, so the queue must be thread-safe (such as a {@link
 * java.util.concurrent.ConcurrentLinkedQueue}). <b>Progress:</b> as the queue's {@code poll}; never
 * blocks on a lock-free queue. <b>Visibility:</b> a collection's contents must not change after it
 * was added; the queue's own ordering makes them visible to the driver. <b>Backpressure:</b> none;
 * the queue belongs to the caller, who decides whether it is bounded. <b>Allocation:</b> one copied
 * list per non-empty batch, so the batch stays the same even if the caller later changes the
 * collection.
 *
 * @param <T> the type of the records
 */
final class QueueSource<T> implements BatchSource<T> {

  private final Queue<? extends Collection<T>> queue;

  QueueSource(Queue<? extends Collection<T>> queue) {
    this.queue = queue;
  }

  @Override
  public List<T> nextBatch(long batchTimeMs) {
    Collection<T> records = queue.poll();
    if (records == null || records.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(records));
  }

  @Override
  public String describe() {
    return "queue";
  }
}
