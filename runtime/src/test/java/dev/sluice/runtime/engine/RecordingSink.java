package dev.sluice.runtime.engine;

import dev.sluice.api.Batch;
import dev.sluice.api.Sink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every batch it is given, in order. */
public final class RecordingSink<T> implements Sink<T> {

  /** The batches written, in order. */
  public final List<Batch<T>> batches = new CopyOnWriteArrayList<>();

  @Override
  public void write(Batch<T> batch) {
    batches.add(batch);
  }
}
