package dev.sluice.examples.semantics;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.GroupShuffle;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.KeyGroups;
import dev.sluice.runtime.internal.LongValueMap;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PairBuffer;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.StageState;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Pipeline {@link KeyedOps}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code words -> [lengths, pairs]}, {@code total -> totalOut},
 * {@code frequencies -> frequenciesOut}, {@code longest -> longestOut}, {@code sums -> sumsOut},
 * {@code groups -> groupsOut}, {@code averages -> averagesOut}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class KeyedOpsPipeline {
  private KeyedOpsPipeline() {
  }

  /**
   * A new builder of pipeline {@code KeyedOps}, with a default batch interval of 1000 ms.
   *
   * <ul>
   *   <li>input {@code words}: {@code String}
   *   <li>output {@code totalOut}: {@code Long}
   *   <li>output {@code frequenciesOut}: {@code KV<String, Long>}
   *   <li>output {@code longestOut}: {@code Integer}
   *   <li>output {@code sumsOut}: {@code KV<String, Integer>}
   *   <li>output {@code groupsOut}: {@code KV<String, List<Integer>>}
   *   <li>output {@code averagesOut}: {@code KV<String, Long>}
   * </ul>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the inputs and outputs of pipeline {@code KeyedOps}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "KeyedOps",
          Duration.ofMillis(1000),
          List.of(new PipelineBuilder.Port("words", "String", true, false)),
          List.of(
              new PipelineBuilder.Port("totalOut", "Long", false),
              new PipelineBuilder.Port("frequenciesOut", "KV<String, Long>", false),
              new PipelineBuilder.Port("longestOut", "Integer", false),
              new PipelineBuilder.Port("sumsOut", "KV<String, Integer>", false),
              new PipelineBuilder.Port("groupsOut", "KV<String, List<Integer>>", false),
              new PipelineBuilder.Port("averagesOut", "KV<String, Long>", false)));
    }

    /**
     * Binds input {@code words}, which has no default source: {@code build()} needs one.
     */
    public Builder words(Source<String> source) {
      return bindInput("words", source);
    }

    /**
     * Binds output {@code totalOut}, replacing the default from {@code KeyedOps.totalOut()}.
     */
    public Builder totalOut(Sink<? super Long> sink) {
      return bindOutput("totalOut", sink);
    }

    /**
     * Binds output {@code frequenciesOut}, replacing the default from {@code
     * KeyedOps.frequenciesOut()}.
     */
    public Builder frequenciesOut(Sink<? super KV<String, Long>> sink) {
      return bindOutput("frequenciesOut", sink);
    }

    /**
     * Binds output {@code longestOut}, replacing the default from {@code KeyedOps.longestOut()}.
     */
    public Builder longestOut(Sink<? super Integer> sink) {
      return bindOutput("longestOut", sink);
    }

    /**
     * Binds output {@code sumsOut}, replacing the default from {@code KeyedOps.sumsOut()}.
     */
    public Builder sumsOut(Sink<? super KV<String, Integer>> sink) {
      return bindOutput("sumsOut", sink);
    }

    /**
     * Binds output {@code groupsOut}, replacing the default from {@code KeyedOps.groupsOut()}.
     */
    public Builder groupsOut(Sink<? super KV<String, List<Integer>>> sink) {
      return bindOutput("groupsOut", sink);
    }

    /**
     * Binds output {@code averagesOut}, replacing the default from {@code KeyedOps.averagesOut()}.
     */
    public Builder averagesOut(Sink<? super KV<String, Long>> sink) {
      return bindOutput("averagesOut", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> words = boundInput("words");
      Sink<? super Long> totalOut = boundOutput("totalOut");
      Sink<? super KV<String, Long>> frequenciesOut = boundOutput("frequenciesOut");
      Sink<? super Integer> longestOut = boundOutput("longestOut");
      Sink<? super KV<String, Integer>> sumsOut = boundOutput("sumsOut");
      Sink<? super KV<String, List<Integer>>> groupsOut = boundOutput("groupsOut");
      Sink<? super KV<String, Long>> averagesOut = boundOutput("averagesOut");
      if (totalOut == null) {
        totalOut = KeyedOps.totalOut();
      }
      if (frequenciesOut == null) {
        frequenciesOut = KeyedOps.frequenciesOut();
      }
      if (longestOut == null) {
        longestOut = KeyedOps.longestOut();
      }
      if (sumsOut == null) {
        sumsOut = KeyedOps.sumsOut();
      }
      if (groupsOut == null) {
        groupsOut = KeyedOps.groupsOut();
      }
      if (averagesOut == null) {
        averagesOut = KeyedOps.averagesOut();
      }
      return new Program(words, totalOut, frequenciesOut, longestOut, sumsOut, groupsOut,
          averagesOut, parallelism);
    }
  }

  /**
   * Runs the segments of pipeline {@code KeyedOps} and owns the shuffle buffers between them.
   *
   * <p><b>Threads:</b> the engine's workers call {@link #runTask}, concurrently for the
   * partitions of one segment. Task {@code (segment, p)} writes only row {@code p} of the
   * shuffles its segment combines into, column {@code p} of the shuffle it reads, and
   * partition {@code p} of its outputs. <b>Visibility:</b> the engine's queues order every
   * task of a segment before the next segment, and batches one after another.
   * <b>Allocation:</b> the buffers are allocated here once and reused every batch; per record,
   * only user methods allocate, and a reduce boxes its output {@code KV}.
   */
  private static final class Program extends PipelineProgram {
    private final LongValueMap<Object>[][] totalShuffle;

    private final LongValueMap<String>[][] frequenciesShuffle;

    private final LongValueMap<Object>[][] longestShuffle;

    private final LongValueMap<String>[][] sumsShuffle;

    private final GroupShuffle<String, Integer, Object> groupsShuffle;

    private final LongValueMap<String>[][] averagesShuffle;

    Program(Source<String> words, Sink<? super Long> totalOut,
        Sink<? super KV<String, Long>> frequenciesOut, Sink<? super Integer> longestOut,
        Sink<? super KV<String, Integer>> sumsOut,
        Sink<? super KV<String, List<Integer>>> groupsOut,
        Sink<? super KV<String, Long>> averagesOut, int parallelism) {
      super(
          "KeyedOps",
          List.of(new InputSlot("words", words)),
          List.of(
              new SegmentSlot("words -> [lengths, pairs]", parallelism),
              new SegmentSlot("total -> totalOut", 1),
              new SegmentSlot("frequencies -> frequenciesOut", parallelism),
              new SegmentSlot("longest -> longestOut", 1),
              new SegmentSlot("sums -> sumsOut", 3),
              new SegmentSlot("groups -> groupsOut", parallelism),
              new SegmentSlot("averages -> averagesOut", parallelism)),
          List.of(
              new OutputSlot("totalOut", totalOut, 1),
              new OutputSlot("frequenciesOut", frequenciesOut, parallelism),
              new OutputSlot("longestOut", longestOut, 1),
              new OutputSlot("sumsOut", sumsOut, 3),
              new OutputSlot("groupsOut", groupsOut, parallelism),
              new OutputSlot("averagesOut", averagesOut, parallelism)));
      this.totalShuffle = newTotalShuffle(parallelism, 1);
      this.frequenciesShuffle = newFrequenciesShuffle(parallelism, parallelism);
      this.longestShuffle = newLongestShuffle(parallelism, 1);
      this.sumsShuffle = newSumsShuffle(parallelism, 3);
      this.groupsShuffle = new GroupShuffle<>(parallelism, 0, parallelism);
      this.averagesShuffle = newAveragesShuffle(parallelism, parallelism);
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> words_lengths_pairs(context.input(0, partition), totalShuffle[partition],
            frequenciesShuffle[partition], longestShuffle[partition], sumsShuffle[partition],
            groupsShuffle.left(partition), averagesShuffle[partition]);
        case 1 -> total_totalOut(mergeTotal(partition), context.output(0, partition));
        case 2 -> frequencies_frequenciesOut(mergeFrequencies(partition),
            context.output(1, partition));
        case 3 -> longest_longestOut(mergeLongest(partition), context.output(2, partition));
        case 4 -> sums_sumsOut(mergeSums(partition), context.output(3, partition));
        case 5 -> groups_groupsOut(groupsShuffle.group(partition), context.output(4, partition));
        case 6 -> averages_averagesOut(mergeAverages(partition), context.output(5, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code words -> [lengths, pairs]}, combining into the map side of total and
     * frequencies and longest and sums and groups and averages.
     *
     * <p>Calls {@link KeyedOps#lengths}, {@link KeyedOps#longest}, {@link KeyedOps#pairs}, {@link
     * KeyedOps#sums}, {@link KeyedOps#first}, {@link KeyedOps#add}.
     */
    private void words_lengths_pairs(List<String> words, LongValueMap<Object>[] total,
        LongValueMap<String>[] frequencies, LongValueMap<Object>[] longest,
        LongValueMap<String>[] sums, PairBuffer<String, Integer>[] groups,
        LongValueMap<String>[] averages) {
      for (int i = 0, n = words.size(); i < n; i++) {
        String word = words.get(i);
        // total, map side: counts the record
        try {
          combineTotal(total[0], null, 1L);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "total", word);
        }
        // frequencies, map side: counts the record in the buffer of its partition
        try {
          combineFrequencies(frequencies[Partitioner.partition(word, frequencies.length)], word,
              1L);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "frequencies", word);
        }
        // lengths: KeyedOps.lengths(String)
        int lengths;
        try {
          lengths = KeyedOps.lengths(word);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "lengths", word);
        }
        // longest, map side: reduces the record into this task's value with KeyedOps.longest(int,
        // int)
        try {
          combineLongest(longest[0], null, lengths);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "longest", lengths);
        }
        // pairs: KeyedOps.pairs(String)
        KV<String, Integer> pairs;
        try {
          pairs = KeyedOps.pairs(word);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "pairs", word);
        }
        // sums, map side: reduces the value into its key's entry with KeyedOps.sums(int, int)
        try {
          String key = pairs.key();
          combineSums(sums[Partitioner.partition(key, sums.length)], key, pairs.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "sums", pairs);
        }
        // groups, map side: appends the value to its key's buffer, for the reduce side of groups
        try {
          String key_ = pairs.key();
          groups[Partitioner.partition(key_, groups.length)].add(key_, pairs.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "groups", pairs);
        }
        // averages, map side: adds the value to its key's combiner with KeyedOps.first(int) or
        // KeyedOps.add(long, int)
        try {
          String key__ = pairs.key();
          combineAverages(averages[Partitioner.partition(key__, averages.length)], key__,
              pairs.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "averages", pairs);
        }
      }
    }

    /**
     * Segment 1: {@code total -> totalOut}, reading the reduce side of total.
     *
     * <p>Calls {@link KeyedOps#total}.
     */
    private void total_totalOut(LongValueMap<Object> merged, List<Long> totalOut) {
      // total: KeyedOps.total(long)
      long count = merged.size() == 0 ? 0L : merged.get(0);
      long total;
      try {
        total = KeyedOps.total(count);
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "total", count);
      }
      // totalOut: output, default sink KeyedOps.totalOut()
      totalOut.add(total);
      merged.clear();
    }

    /**
     * Segment 2: {@code frequencies -> frequenciesOut}, reading the reduce side of frequencies.
     *
     * <p>Calls {@link KeyedOps#frequencies}.
     */
    private void frequencies_frequenciesOut(LongValueMap<String> merged,
        List<KV<String, Long>> frequenciesOut) {
      for (int i = 0, n = merged.size(); i < n; i++) {
        // frequencies: KeyedOps.frequencies(String, long)
        KV<String, Long> frequencies;
        String value = merged.key(i);
        try {
          frequencies = KeyedOps.frequencies(value, merged.get(i));
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "frequencies", value);
        }
        // frequenciesOut: output, default sink KeyedOps.frequenciesOut()
        frequenciesOut.add(frequencies);
      }
      merged.clear();
    }

    /**
     * Segment 3: {@code longest -> longestOut}, reading the reduce side of longest.
     *
     * <p>Calls {@link KeyedOps#longest}.
     */
    private void longest_longestOut(LongValueMap<Object> merged, List<Integer> longestOut) {
      // longest: reduced with KeyedOps.longest(int, int)
      if (merged.size() > 0) {
        int longest = (int) merged.get(0);
        // longestOut: output, default sink KeyedOps.longestOut()
        longestOut.add(longest);
      }
      merged.clear();
    }

    /**
     * Segment 4: {@code sums -> sumsOut}, reading the reduce side of sums.
     *
     * <p>Calls {@link KeyedOps#sums}.
     */
    private void sums_sumsOut(LongValueMap<String> merged, List<KV<String, Integer>> sumsOut) {
      for (int i = 0, n = merged.size(); i < n; i++) {
        // sums: reduced with KeyedOps.sums(int, int)
        KV<String, Integer> sums = KV.of(merged.key(i), (int) merged.get(i));
        // sumsOut: output, default sink KeyedOps.sumsOut()
        sumsOut.add(sums);
      }
      merged.clear();
    }

    /**
     * Segment 5: {@code groups -> groupsOut}, reading the reduce side of groups.
     *
     * <p>Calls {@link KeyedOps#groups}.
     */
    private void groups_groupsOut(KeyGroups<String, Integer, Object> groups,
        List<KV<String, List<Integer>>> groupsOut) {
      for (int i = 0, n = groups.size(); i < n; i++) {
        String key = groups.key(i);
        // groups: KeyedOps.groups(String, List<Integer>)
        KV<String, List<Integer>> groups_;
        try {
          groups_ = KeyedOps.groups(key, groups.left(i));
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "groups", key);
        }
        // groupsOut: output, default sink KeyedOps.groupsOut()
        groupsOut.add(groups_);
      }
    }

    /**
     * Segment 6: {@code averages -> averagesOut}, reading the reduce side of averages.
     *
     * <p>Calls {@link KeyedOps#averages}, {@link KeyedOps#first}, {@link KeyedOps#add}.
     */
    private void averages_averagesOut(LongValueMap<String> merged,
        List<KV<String, Long>> averagesOut) {
      for (int i = 0, n = merged.size(); i < n; i++) {
        // averages: combined with KeyedOps.averages(long, long)
        KV<String, Long> averages = KV.of(merged.key(i), merged.get(i));
        // averagesOut: output, default sink KeyedOps.averagesOut()
        averagesOut.add(averages);
      }
      merged.clear();
    }

    /**
     * Allocates the buffers of the shuffle into {@code total}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<Object>[][] newTotalShuffle(int writers, int readers) {
      // Java has no generic array creation: the cast is safe because every element
      // is set to a new LongValueMap<Object> below.
      LongValueMap<Object>[][] buffers =
          (LongValueMap<Object>[][]) new LongValueMap<?>[writers][readers];
      for (int writer = 0; writer < writers; writer++) {
        for (int reader = 0; reader < readers; reader++) {
          buffers[writer][reader] = new LongValueMap<>(16);
        }
      }
      return buffers;
    }

    /**
     * Adds {@code value} to the count of {@code key} with one hash lookup.
     */
    private static void combineTotal(LongValueMap<Object> buffer, Object key, long value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        buffer.set(entry, buffer.get(entry) + value);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code total} into its first buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<Object> mergeTotal(int partition) {
      LongValueMap<Object> merged = totalShuffle[0][partition];
      for (int writer = 1; writer < totalShuffle.length; writer++) {
        LongValueMap<Object> part = totalShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          combineTotal(merged, part.key(entry), part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    /**
     * Allocates the buffers of the shuffle into {@code frequencies}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<String>[][] newFrequenciesShuffle(int writers, int readers) {
      // Java has no generic array creation: the cast is safe because every element
      // is set to a new LongValueMap<String> below.
      LongValueMap<String>[][] buffers =
          (LongValueMap<String>[][]) new LongValueMap<?>[writers][readers];
      for (int writer = 0; writer < writers; writer++) {
        for (int reader = 0; reader < readers; reader++) {
          buffers[writer][reader] = new LongValueMap<>(16);
        }
      }
      return buffers;
    }

    /**
     * Adds {@code value} to the count of {@code key} with one hash lookup.
     */
    private static void combineFrequencies(LongValueMap<String> buffer, String key, long value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        buffer.set(entry, buffer.get(entry) + value);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code frequencies} into its first
     * buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<String> mergeFrequencies(int partition) {
      LongValueMap<String> merged = frequenciesShuffle[0][partition];
      for (int writer = 1; writer < frequenciesShuffle.length; writer++) {
        LongValueMap<String> part = frequenciesShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          combineFrequencies(merged, part.key(entry), part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    /**
     * Allocates the buffers of the shuffle into {@code longest}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<Object>[][] newLongestShuffle(int writers, int readers) {
      // Java has no generic array creation: the cast is safe because every element
      // is set to a new LongValueMap<Object> below.
      LongValueMap<Object>[][] buffers =
          (LongValueMap<Object>[][]) new LongValueMap<?>[writers][readers];
      for (int writer = 0; writer < writers; writer++) {
        for (int reader = 0; reader < readers; reader++) {
          buffers[writer][reader] = new LongValueMap<>(16);
        }
      }
      return buffers;
    }

    /**
     * Combines {@code value} into the entry of {@code key} with one hash lookup,
     * calling {@code KeyedOps.longest(int, int)} if the key is there already.
     */
    private static void combineLongest(LongValueMap<Object> buffer, Object key, int value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        int reduced;
        try {
          reduced = KeyedOps.longest((int) buffer.get(entry), value);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "longest", key);
        }
        buffer.set(entry, reduced);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code longest} into its first buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<Object> mergeLongest(int partition) {
      LongValueMap<Object> merged = longestShuffle[0][partition];
      for (int writer = 1; writer < longestShuffle.length; writer++) {
        LongValueMap<Object> part = longestShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          combineLongest(merged, part.key(entry), (int) part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    /**
     * Allocates the buffers of the shuffle into {@code sums}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<String>[][] newSumsShuffle(int writers, int readers) {
      // Java has no generic array creation: the cast is safe because every element
      // is set to a new LongValueMap<String> below.
      LongValueMap<String>[][] buffers =
          (LongValueMap<String>[][]) new LongValueMap<?>[writers][readers];
      for (int writer = 0; writer < writers; writer++) {
        for (int reader = 0; reader < readers; reader++) {
          buffers[writer][reader] = new LongValueMap<>(16);
        }
      }
      return buffers;
    }

    /**
     * Combines {@code value} into the entry of {@code key} with one hash lookup,
     * calling {@code KeyedOps.sums(int, int)} if the key is there already.
     */
    private static void combineSums(LongValueMap<String> buffer, String key, int value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        int reduced;
        try {
          reduced = KeyedOps.sums((int) buffer.get(entry), value);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "sums", key);
        }
        buffer.set(entry, reduced);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code sums} into its first buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<String> mergeSums(int partition) {
      LongValueMap<String> merged = sumsShuffle[0][partition];
      for (int writer = 1; writer < sumsShuffle.length; writer++) {
        LongValueMap<String> part = sumsShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          combineSums(merged, part.key(entry), (int) part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    /**
     * Allocates the buffers of the shuffle into {@code averages}, reused every batch.
     */
    @SuppressWarnings("unchecked")
    private static LongValueMap<String>[][] newAveragesShuffle(int writers, int readers) {
      // Java has no generic array creation: the cast is safe because every element
      // is set to a new LongValueMap<String> below.
      LongValueMap<String>[][] buffers =
          (LongValueMap<String>[][]) new LongValueMap<?>[writers][readers];
      for (int writer = 0; writer < writers; writer++) {
        for (int reader = 0; reader < readers; reader++) {
          buffers[writer][reader] = new LongValueMap<>(16);
        }
      }
      return buffers;
    }

    /**
     * Adds {@code value} to the combiner of {@code key} with one hash lookup: a new key's
     * combiner is {@code KeyedOps.first(int)}, an existing one becomes {@code KeyedOps.add(long,
     * int)}.
     */
    private static void combineAverages(LongValueMap<String> buffer, String key, Integer value) {
      int entry = buffer.add(key);
      long combined;
      try {
        if (entry < 0) {
          combined = KeyedOps.first(value);
        } else {
          combined = KeyedOps.add(buffer.get(entry), value);
        }
      } catch (RuntimeException e) {
        throw StageFailure.wrap(e, "averages", key);
      }
      buffer.set(entry < 0 ? ~entry : entry, combined);
    }

    /**
     * Combines {@code value} into the entry of {@code key} with one hash lookup,
     * calling {@code KeyedOps.averages(long, long)} if the key is there already.
     */
    private static void mergeCombinersAverages(LongValueMap<String> buffer, String key,
        long value) {
      int entry = buffer.add(key);
      if (entry < 0) {
        buffer.set(~entry, value);
      } else {
        long reduced;
        try {
          reduced = KeyedOps.averages(buffer.get(entry), value);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "averages", key);
        }
        buffer.set(entry, reduced);
      }
    }

    /**
     * Merges column {@code partition} of the shuffle into {@code averages} into its first buffer,
     * clearing the others for the next batch.
     */
    private LongValueMap<String> mergeAverages(int partition) {
      LongValueMap<String> merged = averagesShuffle[0][partition];
      for (int writer = 1; writer < averagesShuffle.length; writer++) {
        LongValueMap<String> part = averagesShuffle[writer][partition];
        for (int entry = 0, size = part.size(); entry < size; entry++) {
          mergeCombinersAverages(merged, part.key(entry), part.get(entry));
        }
        part.clear();
      }
      return merged;
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of();
    }
  }
}
