package dev.sluice.runtime.engine;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import java.util.List;

/**
 * A hand-written program shaped like the processor's WordCount: segment 0 splits the lines of every
 * input (a union) and combines {@code (word, 1)} into its row of a (map partition x reduce
 * partition) matrix of {@link LongValueMap}s; segment 1 merges its column and emits {@code KV}s to
 * output 0. A word equal to {@code poison} makes stage {@code pairs} throw {@code
 * IllegalStateException: boom}.
 */
public final class WordCountProgram extends PipelineProgram {

  private final int partitions;
  private final String poison;
  private final LongValueMap<String>[][] rows;
  private final LongValueMap<String>[] merged;

  /** A word count over {@code lines} into {@code counts}, with {@code partitions} partitions. */
  public WordCountProgram(
      String name,
      int partitions,
      Source<String> lines,
      Sink<KV<String, Long>> counts,
      String poison) {
    this(name, partitions, List.of(new InputSlot("lines", lines)), counts, poison);
  }

  /** A word count over the union of {@code inputs}, each a {@code Source<String>}. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // generic arrays of the combiner maps
  public WordCountProgram(
      String name,
      int partitions,
      List<InputSlot> inputs,
      Sink<KV<String, Long>> counts,
      String poison) {
    super(
        name,
        inputs,
        List.of(
            new SegmentSlot("lines -> words -> pairs", partitions),
            new SegmentSlot("counts", partitions)),
        List.of(new OutputSlot("counts", counts, partitions)));
    this.partitions = partitions;
    this.poison = poison;
    this.rows = new LongValueMap[partitions][partitions];
    this.merged = new LongValueMap[partitions];
    for (int m = 0; m < partitions; m++) {
      merged[m] = new LongValueMap<>(16);
      for (int r = 0; r < partitions; r++) {
        rows[m][r] = new LongValueMap<>(16);
      }
    }
  }

  @Override
  public void runTask(int segment, int partition, TaskContext context) {
    if (segment == 0) {
      mapSide(partition, context);
    } else {
      reduceSide(partition, context);
    }
  }

  private void mapSide(int partition, TaskContext context) {
    LongValueMap<String>[] row = rows[partition];
    for (LongValueMap<String> buffer : row) {
      buffer.clear();
    }
    for (int input = 0; input < inputs().size(); input++) {
      List<String> lines = context.input(input, partition);
      for (String line : lines) {
        for (String word : line.split(" ")) {
          if (word.equals(poison)) {
            throw StageFailure.wrap(new IllegalStateException("boom"), "pairs", word);
          }
          LongValueMap<String> buffer = row[Partitioner.partition(word, partitions)];
          int e = buffer.add(word);
          if (e < 0) {
            buffer.set(~e, 1L);
          } else {
            buffer.set(e, buffer.get(e) + 1L);
          }
        }
      }
    }
  }

  private void reduceSide(int partition, TaskContext context) {
    LongValueMap<String> column = merged[partition];
    column.clear();
    for (int m = 0; m < partitions; m++) {
      LongValueMap<String> buffer = rows[m][partition];
      for (int i = 0; i < buffer.size(); i++) {
        int e = column.add(buffer.key(i));
        if (e < 0) {
          column.set(~e, buffer.get(i));
        } else {
          column.set(e, column.get(e) + buffer.get(i));
        }
      }
    }
    List<KV<String, Long>> out = context.output(0, partition);
    for (int i = 0; i < column.size(); i++) {
      out.add(KV.of(column.key(i), column.get(i)));
    }
  }
}
