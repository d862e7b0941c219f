package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageKind;
import java.util.List;

/**
 * The messages about the wiring of stages: what each {@code from} names, unions, join keys and
 * cycles. Each starts with its {@link Tag}; tests and {@code docs/compiler-errors.md} use the same
 * methods.
 */
public final class WiringMessages {

  private WiringMessages() {}

  /** A {@code from} naming no stage; {@code suggestion} is the closest name or {@code null}. */
  public static String unknownFrom(
      String annotation, String stage, String pipeline, List<String> stages, String suggestion) {
    return Tag.UNKNOWN_FROM.format(
        "%s on %s names no stage of pipeline %s; stages are: %s%s",
        annotation,
        stage,
        pipeline,
        String.join(", ", stages),
        suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)");
  }

  /** An empty {@code from}; {@code example} is a stage it could read. */
  public static String missingFrom(StageKind kind, String stage, String example) {
    return Tag.MISSING_FROM.format(
        "%s(from = {}) on %s names no stage to read; name the stage it reads, as in %s(from"
            + " = \"%s\")",
        kind.annotation(), stage, kind.annotation(), example);
  }

  /** A union of stages of different types; {@code producers} are their path steps. */
  public static String unionTypes(String annotation, String stage, List<String> producers) {
    return Tag.UNION_TYPES.format(
        "%s on %s reads stages of different types: %s; a union reads stages of one type, so"
            + " read stages that produce the same type, or map them to one type first",
        annotation, stage, String.join(", ", producers));
  }

  /** A join or cogroup whose sides' key types differ. */
  public static String joinKeys(String annotation, String stage, String left, String right) {
    return Tag.JOIN_KEYS.format(
        "%s on %s joins keys of different types: %s, %s; both sides must be KV records with"
            + " the same key type",
        annotation, stage, left, right);
  }

  /** A {@code from} naming an output. */
  public static String readsOutput(String annotation, String stage, String output) {
    return Tag.READS_OUTPUT.format(
        "%s on %s reads %s, an @Output, which produces no records; read the stage %s"
            + " writes, or another stage that produces records",
        annotation, stage, output, output);
  }

  /** Stages reading each other; {@code cycle} starts and ends with the same stage. */
  public static String cycle(String pipeline, List<String> cycle) {
    return Tag.CYCLE.format(
        "stages of pipeline %s read each other in a cycle: %s; records must flow from an"
            + " @Input to an @Output, so change the from of one of these stages",
        pipeline, String.join(" -> ", cycle));
  }
}
