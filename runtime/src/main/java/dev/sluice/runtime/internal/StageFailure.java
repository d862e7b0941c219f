package dev.sluice.runtime.internal;

/**
 * A user method threw: names the stage and the record it was called with. Generated code wraps
 * every user call so that the engine can report which stage failed on which record.
 */
public final class StageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Records longer than this are cut in messages, so a huge record cannot flood the log. */
  static final int MAX_RECORD_CHARS = 200;

  private final String stage;
  private final String record;

  private StageFailure(String stage, String record, Throwable cause) {
    super("stage '" + stage + "' failed on record " + record + ": " + cause, cause);
    this.stage = stage;
    this.record = record;
  }

  /**
   * Returns {@code thrown} if it already is a {@code StageFailure} (raised by a later stage fused
   * into the same loop), otherwise a new one naming {@code stage} and {@code record}.
   */
  public static StageFailure wrap(Throwable thrown, String stage, Object record) {
    if (thrown instanceof StageFailure failure) {
      return failure;
    }
    return new StageFailure(stage, describe(record), thrown);
  }

  /** The name of the stage whose method threw. */
  public String stage() {
    return stage;
  }

  /** The record's {@code toString()}, quoted and cut to a bounded length. */
  public String record() {
    return record;
  }

  static String describe(Object record) {
    String text;
    try {
      text = String.valueOf(record);
    } catch (RuntimeException e) {
      return "<toString() threw " + e.getClass().getName() + ">";
    }
    if (text.length() > MAX_RECORD_CHARS) {
      return "\"" + text.substring(0, MAX_RECORD_CHARS) + "\"... (" + text.length() + " chars)";
    }
    return "\"" + text + "\"";
  }
}
