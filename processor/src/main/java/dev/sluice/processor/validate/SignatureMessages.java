package dev.sluice.processor.validate;

import dev.sluice.processor.model.JoinKind;
import dev.sluice.processor.model.StageKind;

/**
 * The messages about the signature of one stage method, whatever it reads. Each starts with its
 * {@link Tag}; tests and {@code docs/compiler-errors.md} use the same methods.
 */
public final class SignatureMessages {

  private SignatureMessages() {}

  /** The operator's expected parameters and signature, for {@link #arity} and others. */
  private static String expected(StageKind kind, String stage) {
    return String.format("%s: %s", kind.takes(), kind.form(stage));
  }

  /** The signature an operator's method has, in letters: {@code R groups(K key, List<V> v)}. */
  public static String form(StageKind kind, String stage) {
    return kind.form(stage);
  }

  /**
   * A join method's form for its kind, with the given type names: {@code R name(K key, V left,
   * Optional<W> right)} for a left outer join.
   */
  public static String joinForm(
      String stage, JoinKind kind, String key, String left, String right) {
    return String.format(
        "R %s(%s key, %s left, %s right)",
        stage,
        key,
        kind.leftOptional() ? "Optional<" + left + ">" : left,
        kind.rightOptional() ? "Optional<" + right + ">" : right);
  }

  /** A stage method with the wrong number of parameters. */
  public static String arity(StageKind kind, String stage, int count) {
    String parameters =
        switch (count) {
          case 0 -> "no parameters";
          case 1 -> "1 parameter";
          default -> count + " parameters";
        };
    return Tag.ARITY.format(
        "%s method %s takes %s; %s %s method %s",
        kind.annotation(),
        stage,
        parameters,
        article(kind),
        kind.annotation(),
        expected(kind, stage));
  }

  /**
   * An {@code @Output} method taking {@code count} parameters, as a {@code foreachRDD} function
   * would; {@code records} is the record type they suggest, or {@code T}.
   */
  public static String outputArity(String stage, int count, String records) {
    return String.format(
        "%s; to run code on each batch's records, as with Spark's foreachRDD, return a sink"
            + " that does it: Sink<%s> %s() { return Sinks.foreachBatch((time, records) -> ...);"
            + " }",
        arity(StageKind.OUTPUT, stage, count), records, stage);
  }

  /** A stage method with the wrong return type. */
  public static String returnType(StageKind kind, String stage, String actual) {
    String rule = kind.returns() + ": " + form(kind, stage);
    return Tag.RETURN_TYPE.format(
        "%s method %s returns %s; %s %s method %s",
        kind.annotation(), stage, actual, article(kind), kind.annotation(), rule);
  }

  /** An {@code @Input} method not returning a typed {@code Source}. */
  public static String sourceType(String stage, String actual) {
    return Tag.SOURCE_TYPE.format(
        "@Input method %s returns %s; an @Input method returns the default Source of its"
            + " records, with their type, such as Source<String> %s()",
        stage, actual, stage);
  }

  /** An {@code @Output} method not returning a typed {@code Sink}. */
  public static String sinkType(String stage, String actual) {
    return Tag.SINK_TYPE.format(
        "@Output method %s returns %s; an @Output method returns the default Sink of its"
            + " records, with their type, such as Sink<String> %s()",
        stage, actual, stage);
  }

  /** A flat-mapping method whose last parameter is not a typed {@code Emitter}. */
  public static String emitterParameter(StageKind kind, String stage, String actual) {
    return Tag.EMITTER_PARAMETER.format(
        "the second parameter of %s method %s is %s; it must be the Emitter of the records"
            + " it emits, with their type: %s",
        kind.annotation(), stage, actual, form(kind, stage));
  }

  /** A reduce function whose parameter and return types are not all the same. */
  public static String reduceFunctionShape(StageKind kind, String stage, String signature) {
    return Tag.REDUCE_FUNCTION.format(
        "%s method %s is %s; a reduce function takes two values of one type and returns"
            + " that type: %s",
        kind.annotation(), stage, signature, form(kind, stage));
  }

  /** A negative {@code partitions}, or a {@code @Repartition(partitions)} below 1. */
  public static String partitions(StageKind kind, String stage, int partitions) {
    return kind == StageKind.REPARTITION
        ? Tag.PARTITIONS.format(
            "%s(partitions = %s) on %s is less than 1; repartition into a positive number of"
                + " partitions",
            kind.annotation(), partitions, stage)
        : Tag.PARTITIONS.format(
            "%s(partitions = %s) on %s is negative; use 0 for the pipeline's parallelism, or a"
                + " positive number of partitions",
            kind.annotation(), partitions, stage);
  }

  /** A parameter of a type the operator fixes; {@code form} is the operator's signature. */
  public static String parameterType(
      StageKind kind, String stage, int position, String actual, String required, String form) {
    return Tag.PARAMETER_TYPE.format(
        "parameter %s of %s method %s is %s; it must be %s: %s",
        position, kind.annotation(), stage, actual, required, form);
  }

  private static String article(StageKind kind) {
    return kind == StageKind.INPUT || kind == StageKind.OUTPUT ? "an" : "a";
  }
}
