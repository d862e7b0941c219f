package dev.sluice.runtime.internal;

import dev.sluice.api.Sink;

/**
 * One output of a {@link PipelineProgram}: the {@code @Output} stage's name, the sink bound to it,
 * how many partitions its records arrive in (the task count of the segment that fills it), and its
 * slide in batches.
 *
 * <p>An output of slide {@code S} is written only at the batches whose index {@code i} (see {@link
 * TaskContext#batchIndex()}) satisfies {@code (i + 1) % S == 0}, the batches where a window of
 * slide {@code S} is emitted; at the others its sink is not called at all, like Spark, which
 * generates no job for a windowed stream between slides (so {@code print()} prints no header).
 *
 * @param slide the slide in batches, at least 1; 1 writes every batch
 */
public record OutputSlot(String name, Sink<?> sink, int partitions, int slide) {

  /** Checks the slide. */
  public OutputSlot {
    if (slide < 1) {
      throw new IllegalArgumentException(
          "output '" + name + "': slide must be at least 1 batch, not " + slide);
    }
  }

  /** An output written every batch (slide 1). */
  public OutputSlot(String name, Sink<?> sink, int partitions) {
    this(name, sink, partitions, 1);
  }

  /** Whether this output is written at the batch of index {@code batchIndex}. */
  public boolean writesAt(long batchIndex) {
    return (batchIndex + 1) % slide == 0;
  }
}
