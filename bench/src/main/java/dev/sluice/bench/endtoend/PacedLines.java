package dev.sluice.bench.endtoend;

import dev.sluice.api.Codec;
import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.codec.Codecs;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-memory receiver that hands corpus lines to the pipeline at a fixed rate and stamps each
 * with the time it was due, for the end-to-end latency benchmark.
 *
 * <p>Line {@code i} is due at {@code start + i / rate}. The receiving thread stores every line that
 * is due, then parks until the next one is (at least 100 µs, so lines go in small bursts); if it
 * falls behind (a GC pause, a full queue pushing back), it catches up at once, and the lines keep
 * their due times. The stamp is the due time, not the time {@code store} returned, so a pipeline
 * that pushes back is charged for the wait instead of hiding it (no coordinated omission).
 *
 * <p><b>Threads:</b> {@link #receive} on the pipeline's receiving thread. <b>Visibility:</b> stamp
 * {@code i} is written before line {@code i} is stored; the engine's queues order the store before
 * the sink call that sees the line's count, so a sink may read the stamps of the lines it saw.
 * <b>Allocation:</b> none per line; the stamps are allocated up front.
 */
final class PacedLines implements ReceiverSource<String> {

  /** The shortest wait: lines due meanwhile go in one burst, each with its own due time. */
  private static final long MIN_PARK_NANOS = 100_000;

  private final List<String> lines;
  private final double nanosPerLine;
  private final long[] dueNanos;
  private volatile long maxLagNanos;

  /** Hands {@code total} lines, cycling through {@code lines}, at {@code linesPerSecond}. */
  PacedLines(List<String> lines, double linesPerSecond, int total) {
    this.lines = lines;
    this.nanosPerLine = 1e9 / linesPerSecond;
    this.dueNanos = new long[total];
  }

  /** The due time of line {@code i}, by {@link System#nanoTime()}. */
  long dueNanos(int i) {
    return dueNanos[i];
  }

  /** The most the receiving thread was behind schedule when it stored a line. */
  long maxLagNanos() {
    return maxLagNanos;
  }

  @Override
  public void receive(Receiver<String> receiver) {
    long start = System.nanoTime();
    long maxLag = 0;
    int size = lines.size();
    for (int i = 0; i < dueNanos.length && !receiver.isStopped(); ) {
      long now = System.nanoTime();
      long due = start + (long) (i * nanosPerLine);
      if (due > now) {
        // at least the timer's usual slack: waking for every line would cost more than storing
        LockSupport.parkNanos(Math.max(due - now, MIN_PARK_NANOS));
        continue;
      }
      maxLag = Math.max(maxLag, now - due);
      // every line due by now, each with its own due time
      while (i < dueNanos.length && due <= now) {
        dueNanos[i] = due;
        receiver.store(lines.get(i % size));
        i++;
        due = start + (long) (i * nanosPerLine);
      }
    }
    maxLagNanos = maxLag;
  }

  /** Logged as UTF-8 with a checkpoint directory, as the socket source's lines are. */
  @Override
  public Codec<String> recordCodec() {
    return Codecs.string();
  }

  @Override
  public String describe() {
    return "paced corpus lines";
  }
}
