package dev.sluice.processor.validate;

import dev.sluice.processor.model.JoinKind;
import dev.sluice.processor.model.StageKind;
import java.util.List;

/**
 * The messages about the record types along the wiring: the path a type took, and what a stage
 * cannot take. Each starts with its {@link Tag}; tests and {@code docs/compiler-errors.md} use the
 * same methods.
 */
public final class TypeMessages {

  private TypeMessages() {}

  /** The first step of a type path: the stage that produces the type. */
  public static String producedBy(String stage, StageKind kind, String type) {
    return String.format("%s (%s) produces %s", stage, kind.annotation(), type);
  }

  /** A {@code @Filter} on a type path, which passes its input type on. */
  public static String keptBy(String stage, String type) {
    return String.format("%s (%s) keeps %s", stage, StageKind.FILTER.annotation(), type);
  }

  /** The last step of a type path: the consuming stage, what it reads and what it accepts. */
  public static String readBy(String stage, StageKind kind, String from, String accepts) {
    return readBy(stage, kind, "from", from, accepts);
  }

  /** {@link #readBy(String, StageKind, String, String)} through member {@code member}. */
  public static String readBy(
      String stage, StageKind kind, String member, String from, String accepts) {
    return String.format(
        "%s (%s, %s = \"%s\")%s",
        stage, kind.annotation(), member, from, accepts.isEmpty() ? "" : " " + accepts);
  }

  /** What a method parameter accepts, as the last step of a path: {@code takes Integer}. */
  public static String takes(String type) {
    return String.format("takes %s", type);
  }

  /** What an output's sink accepts, as the last step of a path: {@code writes Sink<Integer>}. */
  public static String writes(String sinkType) {
    return String.format("writes %s", sinkType);
  }

  /** A record parameter that cannot take what the stage reads; {@code path} shows the flow. */
  public static String parameterMismatch(
      String stage, String parameter, String produced, String path) {
    return Tag.TYPE_MISMATCH.format(
        "%s takes %s but reads %s: %s; declare the parameter as %s (or a supertype of it),"
            + " or read a stage that produces %s",
        stage, parameter, produced, path, produced, parameter);
  }

  /** A sink that cannot write what the output reads; {@code path} shows the flow. */
  public static String sinkMismatch(String stage, String sink, String produced, String path) {
    return Tag.TYPE_MISMATCH.format(
        "%s writes %s but reads %s: %s; return a Sink<%s> (or a Sink of a supertype), or"
            + " read a stage whose records %s can write",
        stage, sink, produced, path, produced, sink);
  }

  /** A keyed operator reading records that are not a concrete {@code KV<K, V>}. */
  public static String keyedInput(String annotation, String stage, String produced, String path) {
    return Tag.KEYED_INPUT.format(
        "%s on %s reads %s, not a KV<K, V> with concrete K and V: %s; read a stage that"
            + " produces KV records, such as a @Map that returns KV.of(key, value)",
        annotation, stage, produced, path);
  }

  /** A reduce function whose value type differs from the {@code V} it reads. */
  public static String reduceFunctionMismatch(
      StageKind kind, String stage, String function, String kv, String path, List<String> forms) {
    return Tag.REDUCE_FUNCTION.format(
        "%s method %s combines %s values but reads %s: %s; declare it as %s",
        kind.annotation(), stage, function, kv, path, String.join(" or ", forms));
  }

  /**
   * A keyed or per-batch operator's method whose parameters cannot take what it reads; {@code
   * expected} is the signature that would.
   */
  public static String operatorMismatch(
      StageKind kind, String stage, String actual, String read, String path, String expected) {
    return Tag.TYPE_MISMATCH.format(
        "%s method %s takes (%s) but reads %s: %s; declare it as %s",
        kind.annotation(), stage, actual, read, path, expected);
  }

  /** A reduce function form for messages: {@code long counts(long a, long b)}. */
  public static String reduceForm(String stage, String type) {
    return String.format("%s %s(%s a, %s b)", type, stage, type, type);
  }

  /**
   * The method a stage should declare for the types it reads ({@code read}, boxed: the records, or
   * the key, the value and a join's right value), for a mismatch message. {@code withTime} is
   * whether a transform takes the batch time; {@code join} the kind of a join.
   */
  public static String typedForm(
      StageKind kind, String stage, List<String> read, boolean withTime, JoinKind join) {
    return switch (kind) {
      case MAP_PARTITIONS ->
          String.format("void %s(List<%s> partition, Emitter<R> out)", stage, read.get(0));
      case TRANSFORM ->
          String.format(
              "List<R> %s(List<%s> batch)%s",
              stage, read.get(0), withTime ? " with a long time" : "");
      case MAP_VALUES -> String.format("U %s(%s value)", stage, read.get(1));
      case FLAT_MAP_VALUES ->
          String.format("void %s(%s value, Emitter<U> out)", stage, read.get(1));
      case UPDATE_STATE_BY_KEY ->
          String.format(
              "Optional<S> %s(List<%s> newValues, Optional<S> state)", stage, read.get(1));
      case MAP_WITH_STATE ->
          String.format(
              "R %s(%s key, Optional<%s> value, State<S> state)", stage, read.get(0), read.get(1));
      case STATE_SNAPSHOTS ->
          String.format("R %s(%s key, %s state)", stage, read.get(0), read.get(1));
      case GROUP_BY_KEY, GROUP_BY_KEY_AND_WINDOW ->
          String.format("R %s(%s key, List<%s> values)", stage, read.get(0), read.get(1));
      case COGROUP ->
          String.format(
              "R %s(%s key, List<%s> left, List<%s> right)",
              stage, read.get(0), read.get(1), read.get(2));
      case JOIN -> SignatureMessages.joinForm(stage, join, read.get(0), read.get(1), read.get(2));
      case INPUT,
          MAP,
          FILTER,
          FLAT_MAP,
          REPARTITION,
          COUNT,
          COUNT_BY_VALUE,
          REDUCE,
          REDUCE_BY_KEY,
          COMBINE_BY_KEY,
          WINDOW,
          REDUCE_BY_KEY_AND_WINDOW,
          REDUCE_BY_WINDOW,
          COUNT_BY_WINDOW,
          COUNT_BY_VALUE_AND_WINDOW,
          OUTPUT,
          UNION ->
          throw new IllegalArgumentException(kind + " has its own mismatch message");
    };
  }
}
