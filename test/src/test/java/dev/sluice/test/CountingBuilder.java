package dev.sluice.test;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.State;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.ObjectValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.SnapshotState;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.MapWithStateStore;
import dev.sluice.runtime.internal.state.UpdateStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A builder like a generated one whose program lists its stores as the processor's generated
 * programs do: words from input {@code words} (no default source) are routed by key, then counted
 * since the start by an {@code updateStateByKey} stage {@code running}, whose state output {@code
 * counts} writes every batch, and by a {@code mapWithState} stage {@code latest} keeping each
 * word's last batch index. A stage {@code recent} stands for a window: its stores are not state
 * stores. A word {@code boom} fails the batch.
 */
final class CountingBuilder extends PipelineBuilder<CountingBuilder> {

  private final boolean listsStores;

  /** A builder whose program lists its stores, as generated programs do. */
  CountingBuilder() {
    this(true);
  }

  /** With {@code listsStores} false, its program lists none, as older generated programs. */
  CountingBuilder(boolean listsStores) {
    super(
        "Counting",
        Duration.ofSeconds(1),
        List.of(new Port("words", "String", true, false)),
        List.of(new Port("counts", "KV<String, Long>", false)));
    this.listsStores = listsStores;
  }

  @Override
  protected PipelineProgram createProgram(int parallelism) {
    return new Program(parallelism, boundInput("words"), boundOutput("counts"), listsStores);
  }

  private static final class Program extends PipelineProgram {

    private final int partitions;
    private final List<List<List<String>>> rows = new ArrayList<>();
    private final List<UpdateStateStore<String, Long, Long>> running = new ArrayList<>();
    private final List<MapWithStateStore<String, Long>> latest = new ArrayList<>();
    private final List<SnapshotState<Void, String>> recent = new ArrayList<>();

    private final boolean listsStores;

    Program(
        int partitions, Source<String> words, Sink<KV<String, Long>> counts, boolean listsStores) {
      super(
          "Counting",
          List.of(new InputSlot("words", words)),
          List.of(
              new SegmentSlot("words -> route", partitions),
              new SegmentSlot("running, latest -> counts", partitions)),
          List.of(new OutputSlot("counts", counts, partitions)));
      this.partitions = partitions;
      this.listsStores = listsStores;
      for (int p = 0; p < partitions; p++) {
        List<List<String>> row = new ArrayList<>();
        for (int r = 0; r < partitions; r++) {
          row.add(new ArrayList<>());
        }
        rows.add(row);
        running.add(new UpdateStateStore<>(16));
        latest.add(new MapWithStateStore<>(0, MapWithStateStore.DEFAULT_FULL_SCAN_BATCHES, 16));
        recent.add(
            new SnapshotState<>() {
              @Override
              public PartitionImage<Void, String> image() {
                return new PartitionImage<>(0);
              }

              @Override
              public void restore(PartitionImage<Void, String> image) {}
            });
      }
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      if (!listsStores) {
        return super.stageStates();
      }
      return List.of(
          StageState.keyed(
              "running",
              "updateStateByKey String -> Long",
              running,
              Codecs.string(),
              Codecs.longs()),
          StageState.keyed(
              "latest", "mapWithState String -> Long", latest, Codecs.string(), Codecs.longs()),
          StageState.unkeyed(
              "recent", "window String, window 3s sliding every batch", recent, Codecs.string()));
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      if (segment == 0) {
        List<List<String>> row = rows.get(partition);
        row.forEach(List::clear);
        for (String word : context.<String>input(0, partition)) {
          if (word.equals("boom")) {
            throw new IllegalStateException("boom");
          }
          row.get(Partitioner.partition(word, partitions)).add(word);
        }
        return;
      }
      UpdateStateStore<String, Long, Long> counts = running.get(partition);
      MapWithStateStore<String, Long> last = latest.get(partition);
      counts.open(context.batchIndex());
      last.beginBatch(context.batchIndex(), context.batchTime());
      for (int m = 0; m < partitions; m++) {
        for (String word : rows.get(m).get(partition)) {
          counts.add(word, 1L);
          State<Long> state = last.open(word);
          state.update(context.batchIndex());
          last.close();
        }
      }
      last.endBatch();
      ObjectValueMap<String, Long> state =
          counts.update((values, old) -> Optional.of(old.orElse(0L) + values.size()));
      List<KV<String, Long>> out = context.output(0, partition);
      for (int e = 0; e < state.size(); e++) {
        out.add(KV.of(state.key(e), state.get(e)));
      }
    }
  }
}
