package dev.sluice.runtime.sink;

import dev.sluice.api.Batch;
import dev.sluice.api.Sink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints the first records of every batch exactly like Spark Streaming's {@code DStream.print}:
 *
 * <pre>
 * -------------------------------------------
 * Time: 1764032400000 ms
 * -------------------------------------------
 * (hello,1)
 * (world,1)
 *
 * </pre>
 *
 * <p>Records are printed with {@code String.valueOf}, one per line, partition by partition; a line
 * {@code ...} follows when the batch has more than the limit; an empty line ends every batch, which
 * is printed also when empty. Lines end with {@code \n} on every platform. Each batch is built as
 * one string and printed with one call, then flushed, so lines of other threads' output cannot land
 * inside it.
 *
 * @param <T> the type of the records
 */
final class PrintSink<T> implements Sink<T> {

  private static final String RULE = "-".repeat(43);

  private final int limit;
  private final PrintStream out;

  PrintSink(int limit, PrintStream out) {
    if (limit < 0) {
      throw new IllegalArgumentException("print limit must not be negative, was " + limit);
    }
    this.limit = limit;
    this.out = out;
  }

  @Override
  public void write(Batch<T> batch) throws IOException {
    StringBuilder text = new StringBuilder(160);
    text.append(RULE).append('\n');
    text.append("Time: ").append(batch.time()).append(" ms\n");
    text.append(RULE).append('\n');
    int printed = 0;
    for (int p = 0; p < batch.partitionCount() && printed < limit; p++) {
      List<T> partition = batch.partition(p);
      int take = Math.min(partition.size(), limit - printed);
      for (int i = 0; i < take; i++) {
        text.append(partition.get(i)).append('\n');
      }
      printed += take;
    }
    if (batch.count() > limit) {
      text.append("...\n");
    }
    text.append('\n');
    out.print(text);
    out.flush();
    if (out.checkError()) {
      throw new IOException("print sink: writing to the output stream failed");
    }
  }
}
