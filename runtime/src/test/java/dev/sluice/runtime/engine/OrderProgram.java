package dev.sluice.runtime.engine;

import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import java.util.List;

/** One segment that copies each input partition to the same output partition, in order. */
public final class OrderProgram extends PipelineProgram {

  public OrderProgram(String name, int partitions, Source<String> lines, Sink<String> out) {
    super(
        name,
        List.of(new InputSlot("lines", lines)),
        List.of(new SegmentSlot("lines -> copy", partitions)),
        List.of(new OutputSlot("copy", out, partitions)));
  }

  @Override
  public void runTask(int segment, int partition, TaskContext context) {
    List<String> out = context.output(0, partition);
    out.addAll(context.<String>input(0, partition));
  }
}
