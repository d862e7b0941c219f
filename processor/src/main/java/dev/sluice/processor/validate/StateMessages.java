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
}
