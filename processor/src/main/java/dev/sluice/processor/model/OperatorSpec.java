package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator needs beyond its records' types, one record per {@link Family}: the key and
 * value types of keyed operators, partition counts, a join's kind, a combine's functions, a window,
 * a state type and timeout. {@link #fits} says which record each kind carries.
 */
public sealed interface OperatorSpec {

  /** The spec of an operator that needs nothing more. */
  OperatorSpec NONE = new None();

  /** The window of a windowed stage; empty for the others. */
  default Optional<Windowing> windowing() {
    return Optional.empty();
  }

  /** Whether {@code spec} is the record a stage of {@code kind} carries. */
  static boolean fits(StageKind kind, OperatorSpec spec) {
    return switch (kind) {
      case INPUT, MAP, FILTER, FLAT_MAP, MAP_PARTITIONS, OUTPUT, UNION -> spec instanceof None;
      case MAP_VALUES, FLAT_MAP_VALUES -> spec instanceof Values;
      case STATE_SNAPSHOTS -> spec instanceof Snapshots;
      case TRANSFORM -> spec instanceof Transform;
      case REPARTITION -> spec instanceof Repartition;
      case COUNT, COUNT_BY_VALUE, REDUCE, REDUCE_BY_KEY ->
          spec instanceof Aggregate aggregate && aggregate.windowing().isEmpty();
      case REDUCE_BY_KEY_AND_WINDOW, REDUCE_BY_WINDOW, COUNT_BY_WINDOW, COUNT_BY_VALUE_AND_WINDOW ->
          spec instanceof Aggregate aggregate && aggregate.windowing().isPresent();
      case COMBINE_BY_KEY -> spec instanceof Combine;
      case GROUP_BY_KEY -> spec instanceof Grouped grouped && grouped.windowing().isEmpty();
      case GROUP_BY_KEY_AND_WINDOW ->
          spec instanceof Grouped grouped && grouped.windowing().isPresent();
      case JOIN -> spec instanceof Join;
      case COGROUP -> spec instanceof Cogroup;
      case WINDOW -> spec instanceof Window;
      case UPDATE_STATE_BY_KEY -> spec instanceof UpdateState;
      case MAP_WITH_STATE -> spec instanceof MapWithState;
    };
  }

  /**
   * The spec of an operator whose values are grouped by key in a shuffle: every {@link
   * Family#groups() grouping} family.
   */
  sealed interface Grouping extends OperatorSpec {
    /** {@code K} of the {@code KV<K, V>} records read. */
    TypeName key();

    /** {@code V} of the records read, of the left side for a join or cogroup. */
    TypeName value();

    /** The reduce partitions of the shuffle; 0 means the pipeline's parallelism. */
    int partitions();

    /** {@code W} of a join's or cogroup's right side; empty for one side. */
    default Optional<TypeName> rightValue() {
      return Optional.empty();
    }
  }

  /** Input, output, map, filter, flatMap, mapPartitions and the planner's union. */
  record None() implements OperatorSpec {}

  /**
   * {@code @MapValues} and {@code @FlatMapValues}: values mapped under their keys.
   *
   * @param key {@code K}
   * @param value {@code V} of the records read
   * @param produced {@code U} of the {@code KV<K, U>} records produced
   */
  record Values(TypeName key, TypeName value, TypeName produced) implements OperatorSpec {
    /** Checks the types are there. */
    public Values {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(produced, "produced");
    }
  }

  /**
   * {@code @StateSnapshots}: the states of a {@code @MapWithState} stage.
   *
   * @param key {@code K} of that stage
   * @param state {@code S} of that stage
   */
  record Snapshots(TypeName key, TypeName state) implements OperatorSpec {
    /** Checks the types are there. */
    public Snapshots {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * {@code @Transform}: one task over the whole batch.
   *
   * @param withTime whether the method also takes the batch time
   */
  record Transform(boolean withTime) implements OperatorSpec {}

  /**
   * {@code @Repartition}.
   *
   * @param partitions how many partitions the records are dealt to, at least 1
   */
  record Repartition(int partitions) implements OperatorSpec {
    /** Checks the count. */
    public Repartition {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions < 1: " + partitions);
      }
    }
  }

  /**
   * Count, count by value, reduce and reduce by key, windowed or not: values combined per key on
   * the map side.
   *
   * @param reduce the combine buffers, with the reduce partitions
   * @param windowing the window of a windowed aggregate
   */
  record Aggregate(ReduceSpec reduce, Optional<Windowing> windowing) implements OperatorSpec {
    /** Checks the parts are there. */
    public Aggregate {
      Objects.requireNonNull(reduce, "reduce");
      Objects.requireNonNull(windowing, "windowing");
    }
  }

  /**
   * {@code @CombineByKey}.
   *
   * @param reduce the combine buffers, over combiners
   * @param value {@code V} of the records read
   * @param createCombiner the method making a key's first value a combiner
   * @param mergeValue the method adding a value to a combiner
   */
  record Combine(
      ReduceSpec reduce, TypeName value, UserMethod createCombiner, UserMethod mergeValue)
      implements OperatorSpec {
    /** Checks the parts are there. */
    public Combine {
      Objects.requireNonNull(reduce, "reduce");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(createCombiner, "createCombiner");
      Objects.requireNonNull(mergeValue, "mergeValue");
    }
  }

  /**
   * {@code @GroupByKey} and {@code @GroupByKeyAndWindow}.
   *
   * @param key {@code K}
   * @param value {@code V}
   * @param partitions the reduce partitions; 0 means the parallelism
   * @param windowing the window of a windowed group
   */
  record Grouped(TypeName key, TypeName value, int partitions, Optional<Windowing> windowing)
      implements Grouping {}

  /**
   * {@code @Join}.
   *
   * @param key {@code K}
   * @param value {@code V} of the left side
   * @param right {@code W} of the right side
   * @param partitions the reduce partitions; 0 means the parallelism
   * @param kind which sides may be absent
   */
  record Join(TypeName key, TypeName value, TypeName right, int partitions, JoinKind kind)
      implements Grouping {
    @Override
    public Optional<TypeName> rightValue() {
      return Optional.of(right);
    }
  }

  /**
   * {@code @Cogroup}.
   *
   * @param key {@code K}
   * @param value {@code V} of the left side
   * @param right {@code W} of the right side
   * @param partitions the reduce partitions; 0 means the parallelism
   */
  record Cogroup(TypeName key, TypeName value, TypeName right, int partitions) implements Grouping {
    @Override
    public Optional<TypeName> rightValue() {
      return Optional.of(right);
    }
  }

  /**
   * {@code @UpdateStateByKey}.
   *
   * @param key {@code K}
   * @param value {@code V}
   * @param state {@code S}, the state kept per key
   * @param partitions the reduce partitions; 0 means the parallelism
   */
  record UpdateState(TypeName key, TypeName value, TypeName state, int partitions)
      implements Grouping {}

  /**
   * {@code @MapWithState}.
   *
   * @param key {@code K}
   * @param value {@code V}
   * @param state {@code S} of its {@code State<S>}
   * @param partitions the reduce partitions; 0 means the parallelism
   * @param timeout when idle keys time out
   */
  record MapWithState(
      TypeName key, TypeName value, TypeName state, int partitions, StateTimeout timeout)
      implements Grouping {}

  /**
   * {@code @Window}.
   *
   * @param window its length and slide
   */
  record Window(Windowing window) implements OperatorSpec {
    @Override
    public Optional<Windowing> windowing() {
      return Optional.of(window);
    }
  }
}
