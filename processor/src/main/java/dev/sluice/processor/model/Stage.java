package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;

/**
 * One stage of a checked pipeline, free of the compiler's element API so that the planner and its
 * tests work on plain values.
 *
 * @param name the stage name: the method name
 * @param kind the operator
 * @param from the stages it reads (empty for an input; exactly one in this version)
 * @param method the user method: the operator function, or for inputs and outputs the method that
 *     returns the default source or sink
 * @param inputType the type of the records it reads, {@code null} for an input
 * @param outputType the type of the records it produces, {@code null} for an output; may be
 *     primitive when a {@code @Map} method returns one
 * @param reduce the keyed part of a {@code @ReduceByKey}, otherwise {@code null}
 */
public record Stage(
    String name,
    StageKind kind,
    List<String> from,
    UserMethod method,
    TypeName inputType,
    TypeName outputType,
    ReduceSpec reduce) {

  /** Checks that the fields fit the kind. */
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    from = List.copyOf(from);
    Objects.requireNonNull(method, "method");
    if (kind.readsStages() == from.isEmpty()
        || kind.readsStages() == (inputType == null)
        || kind.producesRecords() == (outputType == null)
        || (kind == StageKind.REDUCE_BY_KEY) == (reduce == null)) {
      throw new IllegalArgumentException("fields do not fit a " + kind + " stage: " + name);
    }
  }

  /** An {@code @Input} stage producing {@code type}. */
  public static Stage input(String name, UserMethod method, TypeName type) {
    return new Stage(name, StageKind.INPUT, List.of(), method, null, type, null);
  }

  /** A narrow stage ({@code @Map}, {@code @Filter} or {@code @FlatMap}). */
  public static Stage narrow(
      String name, StageKind kind, String from, UserMethod method, TypeName in, TypeName out) {
    if (!kind.isNarrow()) {
      throw new IllegalArgumentException(kind + " is not narrow");
    }
    return new Stage(name, kind, List.of(from), method, in, out, null);
  }

  /** A {@code @ReduceByKey} stage reading and producing {@code kv}. */
  public static Stage reduceByKey(
      String name, String from, UserMethod method, TypeName kv, ReduceSpec reduce) {
    return new Stage(name, StageKind.REDUCE_BY_KEY, List.of(from), method, kv, kv, reduce);
  }

  /** An {@code @Output} stage writing records of {@code type}. */
  public static Stage output(String name, String from, UserMethod method, TypeName type) {
    return new Stage(name, StageKind.OUTPUT, List.of(from), method, type, null, null);
  }

  /** The one stage this stage reads. */
  public String source() {
    if (from.size() != 1) {
      throw new IllegalStateException(name + " reads " + from);
    }
    return from.get(0);
  }
}
