package dev.sluice.processor.validate;

/**
 * The messages about windows and slides. Each starts with its {@link Tag}; tests and {@code
 * docs/compiler-errors.md} use the same methods.
 */
public final class WindowMessages {

  private WindowMessages() {}

  /** A window or slide that does not parse as a duration. */
  public static String windowSyntax(String annotation, String member, String value, String stage) {
    return Tag.WINDOW_DURATION.format(
        "%s(%s = \"%s\") on %s is not a valid duration; write a positive whole number"
            + " followed by ms, s, m or h, such as \"30s\"",
        annotation, member, value, stage);
  }

  /** A window or slide that is not a multiple of the batch interval. */
  public static String windowMultiple(
      String annotation, String member, String value, String stage, String interval) {
    return Tag.WINDOW_DURATION.format(
        "%s(%s = \"%s\") on %s is not a multiple of the batch interval \"%s\"; windows and"
            + " slides are whole numbers of batches, so use a multiple of \"%s\"",
        annotation, member, value, stage, interval, interval);
  }

  /** A window or slide that is not a multiple of the slide of the windowed stream read. */
  public static String parentSlide(
      String annotation, String member, String value, String stage, String parent, String slide) {
    return Tag.PARENT_SLIDE.format(
        "%s(%s = \"%s\") on %s is not a multiple of the slide \"%s\" of %s, which it reads;"
            + " Spark requires a window's duration and slide to be multiples of the slide"
            + " duration of the parent DStream, so use a multiple of \"%s\"",
        annotation, member, value, stage, slide, parent, slide);
  }

  /** A union or join of streams with different slides. */
  public static String differentSlides(
      String annotation,
      String stage,
      String first,
      String firstSlide,
      String other,
      String otherSlide) {
    return Tag.DIFFERENT_SLIDES.format(
        "%s on %s reads %s, sliding every %s, and %s, sliding every %s; Spark rejects this"
            + " (\"Some of the DStreams have different slide durations\"), so window them alike",
        annotation, stage, first, firstSlide, other, otherSlide);
  }
}
