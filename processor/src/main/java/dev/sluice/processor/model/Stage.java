package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a checked pipeline, free of the compiler's element API so that the planner and its
 * tests work on plain values.
 *
 * @param name the stage name: the method name
 * @param kind the operator
 * @param from the stages it reads: empty for an input, left and right for a join or cogroup,
 *     otherwise one stage or several read as their union
 * @param method the user method: the operator function, or for inputs and outputs the method that
 *     returns the default source or sink
 * @param inputType the type of the records it reads, {@code null} for an input
 * @param outputType the type of the records it produces, {@code null} for an output; may be
 *     primitive when a {@code @Map} method returns one
 * @param spec what else the operator needs: the record {@link OperatorSpec#fits} its kind
 */
public record Stage(
    String name,
    StageKind kind,
    List<String> from,
    UserMethod method,
    TypeName inputType,
    TypeName outputType,
    OperatorSpec spec) {

  /** Checks that the fields fit the kind. */
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    from = List.copyOf(from);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(spec, "spec");
    if (kind.readsStages() == from.isEmpty()
        || kind.readsStages() == (inputType == null)
        || kind.producesRecords() == (outputType == null)
        || !OperatorSpec.fits(kind, spec)
        || (kind.isBinary() && from.size() != 2)) {
      throw new IllegalArgumentException("fields do not fit a " + kind + " stage: " + name);
    }
  }

  /** An {@code @Input} stage producing {@code type}. */
  public static Stage input(String name, UserMethod method, TypeName type) {
    return new Stage(name, StageKind.INPUT, List.of(), method, null, type, OperatorSpec.NONE);
  }

  /** A narrow stage ({@code @Map}, {@code @Filter} or {@code @FlatMap}). */
  public static Stage narrow(
      String name, StageKind kind, String from, UserMethod method, TypeName in, TypeName out) {
    if (!kind.isNarrow()) {
      throw new IllegalArgumentException(kind + " is not narrow");
    }
    return new Stage(name, kind, List.of(from), method, in, out, OperatorSpec.NONE);
  }

  /** Any stage reading {@code from}, for kinds without a factory of their own. */
  public static Stage of(
      String name,
      StageKind kind,
      List<String> from,
      UserMethod method,
      TypeName in,
      TypeName out,
      OperatorSpec spec) {
    return new Stage(name, kind, from, method, in, out, spec);
  }

  /** A {@code @ReduceByKey} stage reading and producing {@code kv}. */
  public static Stage reduceByKey(
      String name, String from, UserMethod method, TypeName kv, ReduceSpec reduce) {
    return new Stage(
        name,
        StageKind.REDUCE_BY_KEY,
        List.of(from),
        method,
        kv,
        kv,
        new OperatorSpec.Aggregate(reduce, Optional.empty()));
  }

  /** An {@code @Output} stage writing records of {@code type}. */
  public static Stage output(String name, String from, UserMethod method, TypeName type) {
    return new Stage(name, StageKind.OUTPUT, List.of(from), method, type, null, OperatorSpec.NONE);
  }

  /**
   * The spec as the record of the stage's family, {@code type}; a stage of another family is a bug
   * in the processor.
   */
  public <T extends OperatorSpec> T spec(Class<T> type) {
    if (!type.isInstance(spec)) {
      throw new IllegalStateException(
          name + " is a " + kind + " stage, whose spec is not a " + type.getSimpleName());
    }
    return type.cast(spec);
  }

  /**
   * The combine buffers of a stage that {@linkplain StageKind#combines() combines} on the map side.
   */
  public ReduceSpec reduce() {
    if (spec instanceof OperatorSpec.Aggregate aggregate) {
      return aggregate.reduce();
    }
    return spec(OperatorSpec.Combine.class).reduce();
  }

  /**
   * Every method of the pipeline class that generated code calls for this stage: its own, then a
   * combine's {@code createCombiner} and {@code mergeValue} or a window's inverse and filter.
   */
  public List<UserMethod> methods() {
    List<UserMethod> methods = new ArrayList<>();
    methods.add(method);
    if (spec instanceof OperatorSpec.Combine combine) {
      methods.add(combine.createCombiner());
      methods.add(combine.mergeValue());
    }
    spec.windowing()
        .ifPresent(
            window -> {
              window.inverse().ifPresent(methods::add);
              window.filter().ifPresent(methods::add);
            });
    return methods;
  }

  /** The window of a {@linkplain StageKind#isWindowed() windowed} stage. */
  public Windowing windowing() {
    return spec.windowing().orElseThrow(() -> new IllegalStateException(name + " is not windowed"));
  }

  /** The one stage this stage reads. */
  public String source() {
    if (from.size() != 1) {
      throw new IllegalStateException(name + " reads " + from);
    }
    return from.get(0);
  }
}
