package dev.sluice.runtime.engine;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.UpdateStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written program shaped like the processor's RunningWordCount: segment 0 splits lines into
 * words and routes each to the partition of its key; segment 1 adds each partition's words to an
 * {@code updateStateByKey} store of running counts and emits the whole state. Its stores are listed
 * for snapshots as stage {@code running}, with {@code signature} (a test changes it).
 */
public final class RunningCountProgram extends PipelineProgram {

  private final int partitions;
  private final String signature;
  private final List<List<List<String>>> rows = new ArrayList<>();
  private final List<UpdateStateStore<String, Long, Long>> stores = new ArrayList<>();

  RunningCountProgram(
      String name,
      int partitions,
      Source<String> lines,
      Sink<KV<String, Long>> counts,
      String signature) {
    super(
        name,
        List.of(new InputSlot("lines", lines)),
        List.of(
            new SegmentSlot("lines -> words", partitions), new SegmentSlot("running", partitions)),
        List.of(new OutputSlot("counts", counts, partitions)));
    this.partitions = partitions;
    this.signature = signature;
    for (int m = 0; m < partitions; m++) {
      List<List<String>> row = new ArrayList<>();
      for (int r = 0; r < partitions; r++) {
        row.add(new ArrayList<>());
      }
      rows.add(row);
      stores.add(new UpdateStateStore<>(16));
    }
  }

  @Override
  public List<StageState<?, ?>> stageStates() {
    return List.of(StageState.keyed("running", signature, stores, Codecs.string(), Codecs.longs()));
  }

  @Override
  public void runTask(int segment, int partition, TaskContext context) {
    if (segment == 0) {
      List<List<String>> row = rows.get(partition);
      row.forEach(List::clear);
      for (String line : context.<String>input(0, partition)) {
        for (String word : line.split(" ")) {
          row.get(Partitioner.partition(word, partitions)).add(word);
        }
      }
      return;
    }
    UpdateStateStore<String, Long, Long> store = stores.get(partition);
    store.open(context.batchIndex());
    for (int m = 0; m < partitions; m++) {
      for (String word : rows.get(m).get(partition)) {
        store.add(word, 1L);
      }
    }
    ObjectValueMap<String, Long> state =
        store.update((values, old) -> Optional.of(old.orElse(0L) + values.size()));
    List<KV<String, Long>> out = context.output(0, partition);
    for (int e = 0; e < state.size(); e++) {
      out.add(KV.of(state.key(e), state.get(e)));
    }
  }
}
