package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageKind;
import java.util.List;

/**
 * The messages about stateful stages: state types, timeouts and snapshots. Each starts with its
 * {@link Tag}; tests and {@code docs/compiler-errors.md} use the same methods.
 */
public final class StateMessages {

  private StateMessages() {}

  /** A stateful method whose state types do not line up. */
  public static String stateType(StageKind kind, String stage, String actual) {
    String template =
        kind == StageKind.MAP_WITH_STATE
            ? "%s method %s is %s; it must take the state it keeps, a State of one concrete type"
                + " S: %s"
            : "%s method %s is %s; it must take and return the state it keeps, an Optional of"
                + " one concrete type S: %s";
    return Tag.STATE_TYPE.format(
        template, kind.annotation(), stage, actual, SignatureMessages.form(kind, stage));
  }

  /** A {@code @MapWithState} timeout that does not parse as a duration. */
  public static String timeoutSyntax(String stage, String value) {
    return Tag.STATE_TIMEOUT.format(
        "@MapWithState(timeout = \"%s\") on %s is not a valid duration; write a positive"
            + " whole number followed by ms, s, m or h, such as \"10m\", or leave it empty for no"
            + " timeout",
        value, stage);
  }

  /** A {@code @MapWithState} full-scan interval below one batch. */
  public static String fullScanBatches(String stage, int value) {
    return Tag.STATE_TIMEOUT.format(
        "@MapWithState(fullScanBatches = %s) on %s is less than 1; idle keys are looked for"
            + " every fullScanBatches batches (Spark's checkpoint interval of the state stream,"
            + " 10 by default)",
        value, stage);
  }

  /** A {@code @StateSnapshots} stage that does not read one {@code @MapWithState} stage. */
  public static String snapshotSource(String annotation, String stage, List<String> producers) {
    return Tag.SNAPSHOT_SOURCE.format(
        "%s on %s reads %s; it must read exactly one @MapWithState stage, whose states it"
            + " emits every batch",
        annotation, stage, String.join(" and ", producers));
  }

  /**
   * A stateful stage keeping {@code role} ({@code state}, {@code keys}, ...) of {@code type}, which
   * cannot be encoded: {@code culprit}, found at {@code where} (empty when it is {@code type}
   * itself); {@code alternative} is the other fix, such as {@code use a List}.
   */
  public static String unencodable(
      StageKind kind,
      String stage,
      String role,
      String type,
      String where,
      String culprit,
      String alternative) {
    String found = where.isEmpty() ? "" : where + " has type " + culprit + ", and ";
    return Tag.UNENCODABLE.format(
        "%s stage %s keeps %s of type %s, which Sluice cannot write into a checkpoint: %sSluice"
            + " encodes primitives, String, enums, records, and List, Optional and Map of those;"
            + " declare a @StateCodec method returning Codec<%s> in the pipeline class, or %s",
        kind.annotation(), stage, role, type, found, culprit, alternative);
  }

  /**
   * A stateful stage keeping a private enum or record ({@code culprit}, at {@code where}), which
   * the generated codec cannot name.
   */
  public static String inaccessible(
      StageKind kind, String stage, String role, String type, String where, String culprit) {
    String found = where.isEmpty() ? "it" : where + " has type " + culprit + ", which";
    return Tag.UNENCODABLE.format(
        "%s stage %s keeps %s of type %s, which Sluice cannot write into a checkpoint: %s is"
            + " private (or nested in a private class), so the generated codec cannot name it;"
            + " make %s package-private",
        kind.annotation(), stage, role, type, found, culprit);
  }

  /** A {@code @StateCodec} method that is not static. */
  public static String codecNotStatic(String method) {
    return Tag.CODEC_METHOD.format(
        "@StateCodec method %s is not static; the generated code calls it once, without an"
            + " instance, so declare it static Codec<T> %s()",
        method, method);
  }

  /** A private {@code @StateCodec} method. */
  public static String codecPrivate(String method) {
    return Tag.CODEC_METHOD.format(
        "@StateCodec method %s is private, but the generated code calls it; make it"
            + " package-private or public",
        method);
  }

  /** A {@code @StateCodec} method with parameters. */
  public static String codecParameters(String method, String parameters) {
    return Tag.CODEC_METHOD.format(
        "@StateCodec method %s takes parameters (%s); it takes none: static Codec<T> %s()",
        method, parameters, method);
  }

  /** A {@code @StateCodec} method that does not return a codec of one concrete type. */
  public static String codecReturnType(String method, String returned) {
    return Tag.CODEC_METHOD.format(
        "@StateCodec method %s returns %s; it must return the Codec of one concrete type T,"
            + " the type it encodes: static Codec<T> %s()",
        method, returned, method);
  }

  /** Two {@code @StateCodec} methods for one type. */
  public static String codecDuplicate(String method, String type, String first) {
    return Tag.CODEC_METHOD.format(
        "@StateCodec method %s returns a Codec<%s>, but %s already does; keep one codec per"
            + " type",
        method, type, first);
  }
}
